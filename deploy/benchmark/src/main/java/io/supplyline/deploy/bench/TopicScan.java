package io.supplyline.deploy.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the event topic once from the start: how many records and bytes it holds, and the relay
 * lag of every event stored since {@code since}: the record's timestamp (set when the relay hands
 * it to the producer) minus the event's own timestamp ({@code ce_time}, set when the command handler
 * applied it, just before the append commits).
 */
record TopicScan(long records, double meanValueBytes, Percentiles relayLag) {

    static TopicScan of(String bootstrapServers, String topic, Instant since) {
        Histogram lagMicros = new Histogram(TimeUnit.HOURS.toMicros(1), 3);
        long records = 0;
        long valueBytes = 0;
        try (var consumer = consumer(bootstrapServers)) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    valueBytes += record.serializedValueSize();
                    Header stored = record.headers().lastHeader("ce_time");
                    if (stored == null) {
                        continue;
                    }
                    Instant storedAt = Instant.parse(new String(stored.value(), StandardCharsets.UTF_8));
                    if (!storedAt.isBefore(since)) {
                        long lagMillis = Math.max(0, record.timestamp() - storedAt.toEpochMilli());
                        lagMicros.recordValue(Math.min(lagMicros.getHighestTrackableValue(), Math.max(1, lagMillis * 1_000)));
                    }
                }
            }
        }
        return new TopicScan(records, records == 0 ? 0 : (double) valueBytes / records, Percentiles.of(lagMicros));
    }

    /**
     * The sum of the partitions' end offsets: the events on the topic so far (the relay writes no
     * transactions, so every offset is an event), without reading them.
     */
    static long endOffsets(String bootstrapServers, String topic) {
        try (var consumer = consumer(bootstrapServers)) {
            return consumer.endOffsets(partitions(consumer, topic)).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        return consumer.partitionsFor(topic).stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }
}
