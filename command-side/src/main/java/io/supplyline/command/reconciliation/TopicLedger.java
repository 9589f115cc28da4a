package io.supplyline.command.reconciliation;

import java.time.Duration;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.extensions.kafka.eventhandling.HeaderUtils;

/**
 * What the topic holds per aggregate, read from the first offset to the end it had when reading
 * began: which sequence numbers arrived, how many twice, and how many after a higher one.
 */
final class TopicLedger {

    /** The header axon-kafka writes with each event's aggregate sequence number. */
    private static final String SEQUENCE_HEADER = "axon-message-aggregate-seq";

    static final class OnTopic {
        final BitSet sequences = new BitSet();
        long records;
        long duplicates;
        long outOfOrder;
        long highest = -1;

        void arrived(long sequence) {
            records++;
            int index = Math.toIntExact(sequence);
            if (sequences.get(index)) {
                duplicates++;
                return;
            }
            if (sequence < highest) {
                outOfOrder++;
            }
            sequences.set(index);
            highest = Math.max(highest, sequence);
        }
    }

    final Map<String, OnTopic> aggregates = new HashMap<>();
    long records;

    /**
     * @param aggregateId only this aggregate's records, or null for all
     */
    static TopicLedger read(Map<String, Object> kafka, String topic, String aggregateId, Duration timeout) {
        Map<String, Object> properties = new HashMap<>(kafka);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        TopicLedger ledger = new TopicLedger();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition, timeout) < end.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The topic could not be read to its end within " + timeout);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < end.get(new TopicPartition(topic, record.partition()))
                            && (aggregateId == null || aggregateId.equals(record.key()))) {
                        ledger.records++;
                        Long sequence = HeaderUtils.valueAsLong(record.headers(), SEQUENCE_HEADER);
                        ledger.aggregates.computeIfAbsent(record.key(), key -> new OnTopic())
                                .arrived(sequence == null ? 0 : sequence);
                    }
                }
            }
        }
        return ledger;
    }
}
