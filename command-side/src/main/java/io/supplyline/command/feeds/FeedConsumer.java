package io.supplyline.command.feeds;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Reads one feed's topic as a member of the feed's consumer group and sends each record's command,
 * one record after the other per partition, the partitions of a batch side by side. A record's outcome
 * ({@link RecordHandler}) is final once its command committed or it was acknowledged on the rejected topic;
 * only then does its offset count as done, and offsets are committed after each batch. A record that fails
 * for a passing reason (the database unreachable, the rejected topic unreachable, a lock not granted) is
 * tried again from the same offset after a pause: nothing is skipped. A redelivery after a crash or
 * rebalance sends the same command with the same idempotency key, which answers the first outcome and
 * appends nothing.
 */
final class FeedConsumer implements Runnable {

    private static final Logger LOG = Logger.getLogger(FeedConsumer.class);
    private final Feed feed;
    private final Consumer<byte[], byte[]> consumer;
    private final RecordHandler records;
    private final FeedMetrics metrics;
    private final Duration maxBackoff;
    /** Handles the partitions of a batch side by side, each partition's records one after the other. */
    private final ExecutorService partitions;
    private final Map<TopicPartition, RecordHandler.Attempts> attempts = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    /** How far a partition got in a batch: the offset to commit (-1: none done) and where to resume (-1: all done). */
    private record PartitionOutcome(long commit, long resumeAt) {
    }

    FeedConsumer(Feed feed, Consumer<byte[], byte[]> consumer, RecordHandler records, FeedMetrics metrics,
                 Duration maxBackoff, int parallelPartitions) {
        this.feed = feed;
        this.consumer = consumer;
        this.records = records;
        this.metrics = metrics;
        this.maxBackoff = maxBackoff;
        AtomicInteger threads = new AtomicInteger();
        this.partitions = Executors.newFixedThreadPool(parallelPartitions,
                task -> new Thread(task, "feed-" + feed.name() + "-" + threads.incrementAndGet()));
    }

    @Override
    public void run() {
        Duration pause = Duration.ofMillis(100);
        try {
            consumer.subscribe(List.of(feed.topic()));
            while (running) {
                boolean interrupted;
                try {
                    interrupted = !consume(consumer.poll(Duration.ofMillis(500)));
                } catch (WakeupException e) {
                    break;
                } catch (RuntimeException e) {
                    LOG.warnf("Feed %s: %s; trying again", feed.name(), e.toString());
                    interrupted = true;
                }
                if (interrupted && running) {
                    metrics.retried();
                    sleep(pause);
                    pause = pause.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : pause.multipliedBy(2);
                } else {
                    pause = Duration.ofMillis(100);
                }
            }
        } catch (WakeupException e) {
            // stopping
        } finally {
            partitions.shutdownNow();
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Stops after the record in hand; its offset is committed only if it is done. */
    void stop() {
        running = false;
        consumer.wakeup();
    }

    /** Handles a batch; false when a record must be tried again (its partition then resumes at it). */
    private boolean consume(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, Future<PartitionOutcome>> handling = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> inPartition = records.records(partition);
            handling.put(partition, partitions.submit(() -> handle(partition, inPartition)));
        }
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        boolean complete = true;
        for (Map.Entry<TopicPartition, Future<PartitionOutcome>> partition : handling.entrySet()) {
            PartitionOutcome outcome = outcome(partition.getValue());
            if (outcome.commit() >= 0) {
                done.put(partition.getKey(), new OffsetAndMetadata(outcome.commit()));
            }
            if (outcome.resumeAt() >= 0) {
                consumer.seek(partition.getKey(), outcome.resumeAt());
                complete = false;
            }
        }
        if (!done.isEmpty()) {
            consumer.commitSync(done);
        }
        long lag = 0;
        for (TopicPartition partition : consumer.assignment()) {
            lag += consumer.currentLag(partition).orElse(0);
        }
        metrics.lag(lag);
        return complete;
    }

    private PartitionOutcome handle(TopicPartition partition, List<ConsumerRecord<byte[], byte[]>> records) {
        RecordHandler.Attempts tried = attempts.computeIfAbsent(partition, p -> new RecordHandler.Attempts());
        long commit = -1;
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (!running || this.records.handle(record, tried) == RecordHandler.Outcome.TRY_AGAIN) {
                return new PartitionOutcome(commit, record.offset());
            }
            commit = record.offset() + 1;
        }
        return new PartitionOutcome(commit, -1);
    }

    /** A partition's outcome; one whose handling was cut short resumes at the batch's first record. */
    private static PartitionOutcome outcome(Future<PartitionOutcome> handling) {
        try {
            return handling.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        } catch (ExecutionException e) {
            throw new IllegalStateException("A feed partition's handling failed", e.getCause());
        }
    }

    private void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
