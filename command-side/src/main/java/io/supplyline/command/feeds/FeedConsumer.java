package io.supplyline.command.feeds;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.supplyline.events.KeyedIds;
import io.supplyline.command.axon.CommandMetadata;
import io.supplyline.command.feeds.FeedRefusals.Refusal;
import io.supplyline.command.http.CommandAccepted;
import io.supplyline.command.idempotency.IdempotentCommands;
import io.supplyline.command.rules.CommandRejected;
import io.supplyline.events.http.DatabaseOutage;

/**
 * Reads one feed's topic as a member of the feed's consumer group and sends each record's command,
 * one record after the other per partition. A record's outcome is final once its command committed or
 * it was acknowledged on the rejected topic; only then does its offset count as done, and offsets are
 * committed after each batch. A record that fails for a passing reason (the database unreachable, the
 * rejected topic unreachable, a lock not granted) is tried again from the same offset after a pause:
 * nothing is skipped. A redelivery after a crash or rebalance sends the same command with the same
 * idempotency key, which answers the first outcome and appends nothing.
 */
final class FeedConsumer implements Runnable {

    private static final Logger LOG = Logger.getLogger(FeedConsumer.class);
    private static final Pattern SAFE_CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    /** A record that fails in a way nobody foresaw is tried this often, then rejected, so that it cannot stop the feed. */
    private static final int UNFORESEEN_ATTEMPTS = 3;

    private enum Outcome { DONE, TRY_AGAIN }

    private final Feed feed;
    private final Consumer<byte[], byte[]> consumer;
    private final RejectedRecords rejected;
    private final FeedRefusals refusals;
    private final IdempotentCommands commands;
    private final FeedMetrics metrics;
    private final Duration maxBackoff;
    private volatile boolean running = true;
    /** The record being retried and how often it failed unforeseen, so that it is counted in once. */
    private String retrying;
    private int unforeseenFailures;

    FeedConsumer(Feed feed, Consumer<byte[], byte[]> consumer, RejectedRecords rejected,
                 FeedRefusals refusals, IdempotentCommands commands, FeedMetrics metrics, Duration maxBackoff) {
        this.feed = feed;
        this.consumer = consumer;
        this.rejected = rejected;
        this.refusals = refusals;
        this.commands = commands;
        this.metrics = metrics;
        this.maxBackoff = maxBackoff;
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
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Stops after the record in hand; its offset is committed only if it is done. */
    void stop() {
        running = false;
        consumer.wakeup();
    }

    /** Handles a batch; false when a record must be tried again (every partition then resumes at its first record not done). */
    private boolean consume(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        boolean complete = true;
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> inPartition = records.records(partition);
            for (ConsumerRecord<byte[], byte[]> record : inPartition) {
                if (!complete || !running || handle(record) == Outcome.TRY_AGAIN) {
                    consumer.seek(partition, record.offset());
                    complete = false;
                    break;
                }
                done.put(partition, new OffsetAndMetadata(record.offset() + 1));
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

    private Outcome handle(ConsumerRecord<byte[], byte[]> record) {
        String coordinates = record.topic() + "/" + record.partition() + "/" + record.offset();
        if (!coordinates.equals(retrying)) {
            metrics.received();
            retrying = coordinates;
            unforeseenFailures = 0;
        }
        String key = coordinates;
        try {
            try {
                JsonNode body = feed.format().read(record.value());
                if (body.hasNonNull("recordId")) {
                    key = body.get("recordId").asText();
                }
                Optional<Refusal> earlier = refusals.find(KeyedIds.keyId(principal(), key));
                if (earlier.isPresent()) {
                    return reject(record, earlier.get());
                }
                Feed.FeedCommand command = feed.command(body, KeyedIds.newAggregateId(principal(), key));
                try {
                    commands.send(command.command(), metadata(record, command.command(), coordinates), key,
                            result -> command.creates() ? new CommandAccepted((String) result, 0)
                                    : new CommandAccepted(command.aggregateId(), (Long) result));
                } catch (AggregateStreamCreationException exists) {
                    // The new id follows from the key: this record created it, longer ago than answers are kept.
                    LOG.infof("Feed %s, record %s: created earlier; nothing to do", feed.name(), coordinates);
                }
                metrics.accepted();
                return Outcome.DONE;
            } catch (RecordRefused refused) {
                return refuse(record, key, new Refusal(refused.code(), refused.getMessage()));
            } catch (CommandRejected refused) {
                return refuse(record, key, new Refusal(refused.code(), refused.getMessage()));
            } catch (AggregateNotFoundException unknown) {
                return refuse(record, key, new Refusal("UNKNOWN_AGGREGATE", "No " + unknown.getAggregateIdentifier() + " exists"));
            }
        } catch (RuntimeException failure) {
            if (passing(failure)) {
                LOG.warnf("Feed %s, record %s: %s; trying again", feed.name(), coordinates, failure.toString());
                return Outcome.TRY_AGAIN;
            }
            if (++unforeseenFailures < UNFORESEEN_ATTEMPTS) {
                LOG.errorf(failure, "Feed %s, record %s failed (attempt %d); trying again", feed.name(), coordinates,
                        unforeseenFailures);
                return Outcome.TRY_AGAIN;
            }
            LOG.errorf(failure, "Feed %s, record %s failed %d times; rejecting it", feed.name(), coordinates,
                    unforeseenFailures);
            try {
                return reject(record, new Refusal("INTERNAL_ERROR",
                        "The record could not be handled; see the command side's log for " + coordinates));
            } catch (RuntimeException again) {
                return Outcome.TRY_AGAIN;
            }
        }
    }

    /** A first refusal: remembered before it is published, so that a redelivery is refused the same way. */
    private Outcome refuse(ConsumerRecord<byte[], byte[]> record, String key, Refusal refusal) {
        refusals.remember(KeyedIds.keyId(principal(), key), refusal);
        return reject(record, refusal);
    }

    private Outcome reject(ConsumerRecord<byte[], byte[]> record, Refusal refusal) {
        try {
            rejected.send(feed.name(), record, refusal.code(), refusal.detail());
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("Feed %s: the rejected topic %s did not take a record (%s); trying again", feed.name(),
                    rejected.topic(), e.toString());
            return Outcome.TRY_AGAIN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.TRY_AGAIN;
        }
        metrics.rejected(refusal.code());
        return Outcome.DONE;
    }

    private String principal() {
        return "feed:" + feed.name();
    }

    private MetaData metadata(ConsumerRecord<byte[], byte[]> record, Object command, String coordinates) {
        return MetaData.from(Map.of(
                CommandMetadata.PRINCIPAL, principal(),
                CommandMetadata.CORRELATION_ID, correlationId(record.headers().lastHeader("X-Correlation-Id")),
                CommandMetadata.COMMAND_NAME, command.getClass().getSimpleName(),
                CommandMetadata.SOURCE_RECORD, coordinates));
    }

    private static String correlationId(Header given) {
        String id = given == null ? null : new String(given.value(), StandardCharsets.UTF_8);
        return id != null && SAFE_CORRELATION_ID.matcher(id).matches() ? id : UUID.randomUUID().toString();
    }

    /** Failures that another attempt may not meet: the database, a lock, a concurrent writer. */
    private static boolean passing(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException || cause instanceof LockAcquisitionFailedException
                    || cause instanceof TimeoutException) {
                return true;
            }
        }
        return DatabaseOutage.causedBy(failure);
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
