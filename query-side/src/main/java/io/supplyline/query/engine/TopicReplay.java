package io.supplyline.query.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import io.supplyline.events.EventTopic;

/**
 * The engine replaying the topic from its first offset through some projections into another target
 * (a rebuild's fresh tables), never past the bounds it is given per partition: the live positions, so
 * that once the live instances pause, the replay can end exactly where they stopped.
 */
public final class TopicReplay implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TopicReplay.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final KafkaConsumer<String, byte[]> consumer;
    private final EventRecords records;
    private final BatchApplier applier;
    private final BatchTarget target;
    private final Duration maxWait;
    private final int batchSize;
    private final Map<Integer, Long> positions = new HashMap<>();
    private final Map<Integer, TopicPartition> partitions = new HashMap<>();
    private final AtomicLong replayed = new AtomicLong();

    TopicReplay(EventRecords records, ProjectionHandlers handlers, List<String> projections, BatchMeter meter,
                BatchTarget target, EngineSettings settings) {
        this.records = records;
        this.applier = new BatchApplier(handlers, projections, meter);
        this.target = target;
        this.maxWait = settings.maxWait();
        this.batchSize = settings.maxBatch();
        Map<String, Object> properties = records.consumerProperties();
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, batchSize);
        // A replay reads far more than a live instance: larger fetches, fewer round trips.
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        this.consumer = new KafkaConsumer<>(properties);
        consumer.partitionsFor(EventTopic.NAME, TIMEOUT)
                .forEach(info -> partitions.put(info.partition(), new TopicPartition(EventTopic.NAME, info.partition())));
        consumer.assign(partitions.values());
        consumer.beginningOffsets(partitions.values(), TIMEOUT)
                .forEach((partition, offset) -> positions.put(partition.partition(), offset));
        partitions.values().forEach(partition -> consumer.seek(partition, positions.get(partition.partition())));
    }

    /** Events replayed so far. */
    public long replayed() {
        return replayed.get();
    }

    /** Events between where the replay is and the bounds (partition: next offset). */
    public long lag(Map<Integer, Long> bounds) {
        long lag = 0;
        for (Map.Entry<Integer, Long> position : positions.entrySet()) {
            lag += Math.max(0, bounds.getOrDefault(position.getKey(), 0L) - position.getValue());
        }
        return lag;
    }

    /**
     * Applies one batch of what is there below the bounds.
     *
     * @return whether the replay has reached the bounds
     */
    public boolean stepTowards(Map<Integer, Long> bounds) throws InterruptedException {
        List<TopicPartition> behind = new ArrayList<>();
        positions.forEach((partition, next) -> {
            TopicPartition topicPartition = partitions.get(partition);
            if (next < bounds.getOrDefault(partition, 0L)) {
                behind.add(topicPartition);
            }
        });
        if (behind.isEmpty()) {
            return true;
        }
        consumer.pause(partitions.values());
        consumer.resume(behind);
        List<BatchApplier.Slot> batch = new ArrayList<>();
        Set<Integer> readAgain = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : ArrivalOrder.of(pollBatch())) {
            if (record.offset() >= bounds.getOrDefault(record.partition(), 0L)) {
                readAgain.add(record.partition());
                continue;
            }
            batch.add(new BatchApplier.Slot(records.event(record).orElse(null), record.partition(), record.offset()));
        }
        try {
            applier.apply(batch, positions, target);
            replayed.addAndGet(batch.size());
        } catch (RuntimeException e) {
            LOG.warnf("A replay batch failed (%s); it is read again", e);
            readAgain.addAll(positions.keySet());
            Thread.sleep(500);
        }
        // What was read past a bound, or not applied, is read again from the replay's position.
        readAgain.forEach(partition -> consumer.seek(partitions.get(partition), positions.get(partition)));
        return behind.stream().allMatch(partition -> positions.get(partition.partition()) >= bounds.getOrDefault(partition.partition(), 0L));
    }

    /**
     * Polls until a batch is full or nothing more is there: one poll holds what one fetch brought, often a
     * few hundred records of one partition, and each batch costs a transaction and a read of its rows.
     */
    private List<ConsumerRecords<String, byte[]>> pollBatch() {
        List<ConsumerRecords<String, byte[]>> polls = new ArrayList<>();
        int records = 0;
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (records < batchSize && System.nanoTime() < deadline) {
            ConsumerRecords<String, byte[]> polled = consumer.poll(records == 0 ? maxWait : Duration.ZERO);
            if (polled.isEmpty() && records > 0) {
                break;
            }
            polls.add(polled);
            records += polled.count();
        }
        return polls;
    }

    @Override
    public void close() {
        consumer.close(TIMEOUT);
    }
}
