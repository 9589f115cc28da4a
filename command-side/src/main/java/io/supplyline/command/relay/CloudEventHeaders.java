package io.supplyline.command.relay;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;

import io.supplyline.events.EventType;

/**
 * Adds CloudEvents-style {@code ce_*} headers (Kafka binary binding) beside Axon's own, so a
 * client that knows nothing of Axon (kcat, another team's consumer) reads the event's id, type,
 * time and subject as text. The type is the event's stable name with its revision and the data
 * schema the published JSON Schema of that revision (docs/contract), neither tied to a Java class.
 * Axon's headers stay the ones the query side reads.
 */
public final class CloudEventHeaders implements KafkaMessageConverter<String, byte[]> {

    static final String SOURCE = "/supplyline/command-side";

    private final KafkaMessageConverter<String, byte[]> axon;

    public CloudEventHeaders(KafkaMessageConverter<String, byte[]> axon) {
        this.axon = axon;
    }

    @Override
    public ProducerRecord<String, byte[]> createKafkaMessage(EventMessage<?> event, String topic) {
        ProducerRecord<String, byte[]> record = axon.createKafkaMessage(event, topic);
        add(record, "ce_specversion", "1.0");
        add(record, "ce_id", event.getIdentifier());
        add(record, "ce_source", SOURCE);
        EventType type = EventType.of(event.getPayloadType());
        add(record, "ce_type", type.typeName());
        add(record, "ce_dataschema", type.schemaUri());
        add(record, "ce_time", event.getTimestamp().toString());
        add(record, "content-type", "application/json");
        if (event instanceof DomainEventMessage<?> domainEvent) {
            add(record, "ce_subject", domainEvent.getAggregateIdentifier());
        }
        return record;
    }

    @Override
    public Optional<EventMessage<?>> readKafkaMessage(ConsumerRecord<String, byte[]> record) {
        return axon.readKafkaMessage(record);
    }

    private static void add(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
