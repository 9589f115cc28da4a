package io.supplyline.query.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import io.supplyline.events.EventTopic;

/**
 * A replay's reader ({@link TopicReplay}): a thread of its own polls the topic from its first offsets and
 * decodes the records while the caller applies the batch read before; on two cores, reading and decoding
 * were a quarter of a replay's time on the applying thread. It stops fetching a partition once it has read
 * up to its bound, so what it read ahead of the bounds is at most one fetch per partition.
 */
final class ReplayReader {

    /** Under the replay's name, with the rest of what a replay logs. */
    private static final Logger LOG = Logger.getLogger(TopicReplay.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final KafkaConsumer<String, byte[]> consumer;
    private final EventRecords records;
    private final Duration maxWait;
    private final int batchSize;
    private final Map<Integer, TopicPartition> partitions = new HashMap<>();
    /** Decoded batches, in the order read, handed from the reader to the applying thread. */
    private final BlockingQueue<List<BatchSlot>> decoded = new ArrayBlockingQueue<>(1);
    private volatile Map<Integer, Long> bounds = Map.of();
    private volatile boolean closed;
    private volatile RuntimeException readFailure;
    private final Thread reader;

    /** @param positions filled with each partition's first offset, where the reader starts */
    ReplayReader(EventRecords records, EngineSettings settings, Map<Integer, Long> positions) {
        this.records = records;
        this.maxWait = settings.maxWait();
        this.batchSize = settings.replayMaxBatch();
        Map<String, Object> properties = records.consumerProperties();
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, batchSize);
        // A replay reads far more than a live instance: larger fetches, fewer round trips.
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 1024 * 1024);
        this.consumer = new KafkaConsumer<>(properties);
        consumer.partitionsFor(EventTopic.NAME, TIMEOUT)
                .forEach(info -> partitions.put(info.partition(), new TopicPartition(EventTopic.NAME, info.partition())));
        consumer.assign(partitions.values());
        consumer.beginningOffsets(partitions.values(), TIMEOUT)
                .forEach((partition, offset) -> positions.put(partition.partition(), offset));
        partitions.values().forEach(partition -> consumer.seek(partition, positions.get(partition.partition())));
        this.reader = new Thread(this::read, "topic-replay-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Reads no partition past its bound (partition: next offset) from now on. */
    void bound(Map<Integer, Long> bounds) {
        this.bounds = bounds;
    }

    /** The next decoded batch, or null if none came within the wait; fails once the reader has. */
    List<BatchSlot> next() throws InterruptedException {
        if (readFailure != null) {
            throw new IllegalStateException("The replay could not read the topic", readFailure);
        }
        return decoded.poll(maxWait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The reader thread: polls the partitions below their bounds, decodes, hands the batch over. */
    private void read() {
        try {
            while (!closed) {
                Map<Integer, Long> limits = bounds;
                List<TopicPartition> behind = new ArrayList<>();
                partitions.forEach((partition, topicPartition) -> {
                    if (consumer.position(topicPartition) < limits.getOrDefault(partition, 0L)) {
                        behind.add(topicPartition);
                    }
                });
                consumer.pause(partitions.values());
                consumer.resume(behind);
                List<BatchSlot> batch = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record : ArrivalOrder.of(pollBatch())) {
                    batch.add(new BatchSlot(records.event(record).orElse(null), record.partition(), record.offset()));
                }
                while (!batch.isEmpty() && !closed && !decoded.offer(batch, maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                    // the applying thread is behind
                }
            }
        } catch (WakeupException | InterruptException | InterruptedException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.errorf(e, "The replay's reader failed");
            readFailure = e;
        } finally {
            consumer.close(TIMEOUT);
        }
    }

    /**
     * Polls until a batch is full or nothing more is there: one poll holds what one fetch brought, often a
     * few hundred records of one partition, and each batch costs a transaction and a read of its rows.
     */
    private List<ConsumerRecords<String, byte[]>> pollBatch() {
        List<ConsumerRecords<String, byte[]>> polls = new ArrayList<>();
        int count = 0;
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (count < batchSize && System.nanoTime() < deadline) {
            ConsumerRecords<String, byte[]> polled = consumer.poll(count == 0 ? maxWait : Duration.ZERO);
            if (polled.isEmpty() && count > 0) {
                break;
            }
            polls.add(polled);
            count += polled.count();
        }
        return polls;
    }

    void close() throws InterruptedException {
        closed = true;
        consumer.wakeup();
        reader.join(TIMEOUT.toMillis());
    }
}
