package io.supplyline.query.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import io.supplyline.events.EventTopic;
import io.supplyline.query.projection.Replay;

/**
 * The engine replaying the topic from its first offset through some projections into another target
 * (a rebuild's fresh tables), never past the bounds it is given per partition: the live positions, so
 * that once the live instances pause, the replay can end exactly where they stopped.
 *
 * <p>A reader thread polls the topic and decodes the records while the caller applies the batch read
 * before: on two cores, reading and decoding were a quarter of a replay's time on the applying thread.
 * The reader stops fetching a partition once it has read up to its bound, so what it read ahead of the
 * bounds is at most one fetch per partition.
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
    /** Decoded batches, in the order read, handed from the reader to the applying thread. */
    private final BlockingQueue<List<BatchSlot>> decoded = new ArrayBlockingQueue<>(1);
    /** Read but not applied yet: past a bound when read, or in a batch that failed. */
    private List<BatchSlot> waiting = new ArrayList<>();
    private volatile Map<Integer, Long> bounds = Map.of();
    private volatile boolean closed;
    private volatile RuntimeException readFailure;
    private final Thread reader;

    TopicReplay(EventRecords records, ProjectionHandlers handlers, List<String> projections, BatchMeter meter,
                BatchTarget target, EngineSettings settings) {
        this.records = records;
        this.applier = new BatchApplier(handlers, projections, meter);
        this.target = target;
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
        this.bounds = Map.copyOf(bounds);
        if (reached(bounds)) {
            return true;
        }
        if (readFailure != null) {
            throw new IllegalStateException("The replay could not read the topic", readFailure);
        }
        List<BatchSlot> read = decoded.poll(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        if (read != null) {
            waiting.addAll(read);
        }
        // Offsets grow within a partition: once one slot is past its bound, all its later ones are too.
        List<BatchSlot> batch = new ArrayList<>();
        List<BatchSlot> later = new ArrayList<>();
        for (BatchSlot slot : waiting) {
            (slot.offset() < bounds.getOrDefault(slot.partition(), 0L) ? batch : later).add(slot);
        }
        waiting = later;
        if (!batch.isEmpty()) {
            try {
                applier.apply(batch, positions, target);
                replayed.addAndGet(batch.size());
            } catch (RuntimeException e) {
                if (Replay.writesDeferred()) {
                    throw new Broken(e);
                }
                LOG.warnf("A replay batch failed (%s); it is applied again", e);
                // What the careful mode applied before the failure has moved the positions.
                List<BatchSlot> again = new ArrayList<>();
                for (BatchSlot slot : batch) {
                    if (slot.offset() >= positions.get(slot.partition())) {
                        again.add(slot);
                    }
                }
                again.addAll(waiting);
                waiting = again;
                Thread.sleep(500);
            }
        }
        return reached(bounds);
    }

    /** Writes the rows the replay keeps in memory ({@link Replay#inMemory}): before its tables are read or switched in. */
    public void writeOut() {
        try {
            applier.writeOut(target);
        } catch (RuntimeException e) {
            // A row the database refuses (text it cannot store): which batch brought it is no longer known.
            throw Replay.writesDeferred() ? new Broken(e) : e;
        }
    }

    /** A replay {@linkplain Replay#inMemory in memory} failed (a batch, or writing its rows): it must start again. */
    public static final class Broken extends RuntimeException {
        Broken(Throwable cause) {
            super("The replay in memory cannot go on: " + cause, cause);
        }
    }

    private boolean reached(Map<Integer, Long> bounds) {
        return positions.entrySet().stream().allMatch(position -> position.getValue() >= bounds.getOrDefault(position.getKey(), 0L));
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

    @Override
    public void close() throws InterruptedException {
        closed = true;
        consumer.wakeup();
        reader.join(TIMEOUT.toMillis());
    }
}
