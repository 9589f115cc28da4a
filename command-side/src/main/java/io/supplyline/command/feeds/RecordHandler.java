package io.supplyline.command.feeds;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.supplyline.command.envelope.CommandAccepted;
import io.supplyline.command.envelope.CommandMetadata;
import io.supplyline.command.feeds.FeedRefusals.Refusal;
import io.supplyline.command.idempotency.IdempotentCommands;
import io.supplyline.command.rules.CommandRejected;
import io.supplyline.events.KeyedIds;
import io.supplyline.support.http.DatabaseOutage;

/**
 * What becomes of one record of a feed: its command sent with the record's idempotency key, or the record
 * refused onto the rejected topic with the reason, or (for a passing failure) tried again. Safe to use from
 * several threads, each handling its own partitions.
 */
final class RecordHandler {

    private static final Logger LOG = Logger.getLogger(RecordHandler.class);
    private static final Pattern SAFE_CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    /** A record that fails in a way nobody foresaw is tried this often, then rejected, so that it cannot stop the feed. */
    private static final int UNFORESEEN_ATTEMPTS = 3;

    enum Outcome { DONE, TRY_AGAIN }

    /** A partition's record being tried again, so that it is counted in once, and its unforeseen failures. */
    static final class Attempts {
        private long offset = -1;
        private int unforeseenFailures;
    }

    private final Feed feed;
    private final RejectedRecords rejected;
    private final FeedRefusals refusals;
    private final IdempotentCommands commands;
    private final FeedMetrics metrics;

    RecordHandler(Feed feed, RejectedRecords rejected, FeedRefusals refusals, IdempotentCommands commands,
                  FeedMetrics metrics) {
        this.feed = feed;
        this.rejected = rejected;
        this.refusals = refusals;
        this.commands = commands;
        this.metrics = metrics;
    }

    Outcome handle(ConsumerRecord<byte[], byte[]> record, Attempts tried) {
        String coordinates = record.topic() + "/" + record.partition() + "/" + record.offset();
        if (tried.offset != record.offset()) {
            metrics.received();
            tried.offset = record.offset();
            tried.unforeseenFailures = 0;
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
            if (++tried.unforeseenFailures < UNFORESEEN_ATTEMPTS) {
                LOG.errorf(failure, "Feed %s, record %s failed (attempt %d); trying again", feed.name(), coordinates,
                        tried.unforeseenFailures);
                return Outcome.TRY_AGAIN;
            }
            LOG.errorf(failure, "Feed %s, record %s failed %d times; rejecting it", feed.name(), coordinates,
                    tried.unforeseenFailures);
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

}
