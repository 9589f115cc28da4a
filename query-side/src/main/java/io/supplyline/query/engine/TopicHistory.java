package io.supplyline.query.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.inject.Singleton;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.eventhandling.EventMessage;

import io.supplyline.events.EventTopic;

/**
 * The topic read once from its first offset to the end it had when reading began, each record
 * converted (and upcast) into the event message the projections' processors would get.
 */
@Singleton
public class TopicHistory {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final EventRecords records;

    TopicHistory(EventRecords records) {
        this.records = records;
    }

    /** Hands every event to {@code each}, each aggregate's in order. */
    public void forEach(Consumer<EventMessage<?>> each) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(records.consumerProperties())) {
            List<TopicPartition> partitions = consumer.partitionsFor(EventTopic.NAME, TIMEOUT).stream()
                    .map(info -> new TopicPartition(EventTopic.NAME, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition, TIMEOUT) < end.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        records.event(record).ifPresent(each);
                    }
                }
            }
        }
    }
}
