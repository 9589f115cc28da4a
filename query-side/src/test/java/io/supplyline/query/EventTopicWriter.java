package io.supplyline.query;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.extensions.kafka.eventhandling.DefaultKafkaMessageConverter;
import org.axonframework.messaging.MetaData;

import io.supplyline.deploy.kafka.KafkaBrokerTestResource;
import io.supplyline.events.EventTopic;
import io.supplyline.events.axon.EventSerializer;

/**
 * Puts events on the real topic in exactly the form the command side's relay produces (same
 * converter, same serializer), so the query side can be tested on its own, duplicates included.
 */
public final class EventTopicWriter implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final DefaultKafkaMessageConverter converter = DefaultKafkaMessageConverter.builder()
            .serializer(EventSerializer.create())
            .build();

    /** A writer to the tests' shared broker. */
    public EventTopicWriter() {
        this(KafkaBrokerTestResource.bootstrapServers());
    }

    /** A writer to the broker at {@code bootstrapServers}. */
    public EventTopicWriter(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.ACKS_CONFIG, "all"));
    }

    /** Publishes {@code event} as the aggregate's event number {@code sequence} and waits for the ack. */
    public void publish(String aggregateType, String aggregateId, long sequence, Object event) {
        publish(aggregateType, aggregateId, sequence, event, 1);
    }

    /** Publishes the very same message {@code copies} times: what an at-least-once relay may do after a retry. */
    public void publish(String aggregateType, String aggregateId, long sequence, Object event, int copies) {
        send(new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, event,
                MetaData.with("principal", "test")), copies);
    }

    /** Publishes an event that happened at {@code at}, as its timestamp says. */
    public void publishAt(String aggregateType, String aggregateId, long sequence, Object event, Instant at) {
        send(new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, event,
                MetaData.with("principal", "test"), UUID.randomUUID().toString(), at), 1);
    }

    /**
     * Publishes an event of a type this query side does not know, as a newer command side would during a
     * rolling upgrade: {@code json} under the class name {@code type}, with the usual headers otherwise.
     */
    public void publishUnknown(String aggregateType, String aggregateId, long sequence, String type, String json) {
        ProducerRecord<String, byte[]> known = converter.createKafkaMessage(new GenericDomainEventMessage<>(
                aggregateType, aggregateId, sequence, "placeholder", MetaData.with("principal", "test")), EventTopic.NAME);
        Headers headers = known.headers();
        headers.remove(org.axonframework.messaging.Headers.MESSAGE_TYPE);
        headers.remove(org.axonframework.messaging.Headers.MESSAGE_REVISION);
        headers.add(org.axonframework.messaging.Headers.MESSAGE_TYPE, type.getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(new ProducerRecord<>(EventTopic.NAME, null, null, known.key(),
                    json.getBytes(StandardCharsets.UTF_8), headers)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("Could not publish " + type, e);
        }
    }

    private void send(GenericDomainEventMessage<?> message, int copies) {
        Object event = message.getPayload();
        try {
            for (int i = 0; i < copies; i++) {
                producer.send(converter.createKafkaMessage(message, EventTopic.NAME)).get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("Could not publish " + event, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
