package io.supplyline.query.axon;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.inject.Singleton;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.kafka.eventhandling.DefaultKafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;

import io.supplyline.events.EventTopic;
import io.supplyline.events.axon.EventSerializer;
import io.supplyline.events.axon.EventUpcasters;

/**
 * The topic read once from its first offset to the end it had when reading began, each record
 * converted (and upcast) into the event message the projections' processors would get.
 */
@Singleton
public class TopicHistory {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final KafkaSettings kafka;
    private final KafkaMessageConverter<String, byte[]> converter = DefaultKafkaMessageConverter.builder()
            .serializer(EventSerializer.create())
            .upcasterChain(EventUpcasters.chain())
            .build();

    TopicHistory(KafkaSettings kafka) {
        this.kafka = kafka;
    }

    /** Hands every event to {@code each}, each aggregate's in order. */
    public void forEach(Consumer<EventMessage<?>> each) {
        Map<String, Object> properties = new HashMap<>(kafka.clientProperties());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = consumer.partitionsFor(EventTopic.NAME, TIMEOUT).stream()
                    .map(info -> new TopicPartition(EventTopic.NAME, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition, TIMEOUT) < end.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        converter.readKafkaMessage(record).ifPresent(each);
                    }
                }
            }
        }
    }
}
