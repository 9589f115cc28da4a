package io.supplyline.command.reconciliation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Singleton;

import org.axonframework.eventhandling.TrackingToken;

import io.supplyline.support.kafka.KafkaSettings;
import io.supplyline.command.eventstore.EventStoreReader;
import io.supplyline.command.processors.ProcessorNames;
import io.supplyline.events.EventTopic;
import io.supplyline.support.axon.StoredTokens;
import io.supplyline.support.kafka.KafkaSettings;

/**
 * Reads the whole topic, then the event store, and says per aggregate what is missing from the
 * topic, doubled on it, out of order, or on it without being stored. A missing event the relay's
 * position has not delivered yet is on its way (the relay's lag); one it has delivered is lost. That
 * position is judged by the same reader the relay follows the store with. Keeps the last result for
 * the metrics.
 */
@Singleton
public class Reconciler {

    static final int FINDINGS_LISTED = 20;
    private static final Duration TOPIC_TIMEOUT = Duration.ofMinutes(2);

    private final DataSource dataSource;
    private final KafkaSettings kafka;
    private final EventStoreReader reader;
    private volatile Reconciliation last;

    Reconciler(DataSource dataSource, KafkaSettings kafka, EventStoreReader reader) {
        this.dataSource = dataSource;
        this.kafka = kafka;
        this.reader = reader;
    }

    /** The last whole-store result, or null before the first. */
    public Reconciliation last() {
        return last;
    }

    /** @param aggregateId one aggregate, or null for the whole store */
    public Reconciliation run(String aggregateId) {
        long started = System.nanoTime();
        // The relay's committed position first (what it delivered was acknowledged by then), then the
        // topic, then the store: an event stored meanwhile counts as not yet published, never as lost
        // or unknown.
        TrackingToken relayed = relayPosition();
        TopicLedger topic = TopicLedger.read(kafka.clientProperties(), EventTopic.NAME, aggregateId, TOPIC_TIMEOUT);
        Tally tally = new Tally();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement("SELECT aggregateidentifier, sequencenumber, "
                    + reader.positionColumns() + " FROM domainevententry"
                    + (aggregateId == null ? "" : " WHERE aggregateidentifier = ?")
                    + " ORDER BY aggregateidentifier, sequencenumber")) {
                if (aggregateId != null) {
                    statement.setString(1, aggregateId);
                }
                statement.setFetchSize(5_000);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        tally.stored(row.getString(1), row.getLong(2), topic, reader.delivered(relayed, row, 3));
                    }
                }
                tally.endOfAggregate(topic);
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the event store", e);
        }
        // Left on the ledger: aggregates the store does not know at all.
        topic.aggregates.forEach((id, onTopic) -> tally.finding(id, "UNKNOWN", onTopic.sequences.cardinality()));
        topic.aggregates.values().forEach(onTopic -> {
            tally.duplicates += onTopic.duplicates;
            tally.outOfOrder += onTopic.outOfOrder;
        });
        Reconciliation result = new Reconciliation(tally.missing + tally.duplicates + tally.outOfOrder + tally.unknown == 0,
                Instant.now(), tally.storedEvents, topic.records, tally.aggregates, tally.missing, tally.lost,
                tally.duplicates, tally.outOfOrder, tally.unknown, (System.nanoTime() - started) / 1_000_000,
                tally.findings);
        if (aggregateId == null) {
            last = result;
        }
        return result;
    }

    /** The relay's position as its last batch committed it; null before its first. */
    private TrackingToken relayPosition() {
        try (Connection connection = dataSource.getConnection()) {
            return StoredTokens.of(connection, ProcessorNames.KAFKA_RELAY).stream().findFirst().orElse(null);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the relay's position", e);
        }
    }

    /** Counts as the store is walked in aggregate and sequence order. */
    private static final class Tally {
        final List<Reconciliation.Finding> findings = new ArrayList<>();
        long storedEvents;
        long aggregates;
        long missing;
        long lost;
        long duplicates;
        long outOfOrder;
        long unknown;
        private String aggregate;
        private long aggregateMissing;
        private long aggregateLost;
        private long aggregateFound;

        void stored(String aggregateId, long sequence, TopicLedger topic, boolean relayed) {
            if (!aggregateId.equals(aggregate)) {
                endOfAggregate(topic);
                aggregate = aggregateId;
                aggregates++;
            }
            storedEvents++;
            TopicLedger.OnTopic onTopic = topic.aggregates.get(aggregateId);
            if (onTopic != null && onTopic.sequences.get(Math.toIntExact(sequence))) {
                aggregateFound++;
            } else if (relayed) {
                aggregateLost++;
            } else {
                aggregateMissing++;
            }
        }

        /** Settles the aggregate just walked, and takes it off the ledger. */
        void endOfAggregate(TopicLedger topic) {
            if (aggregate == null) {
                return;
            }
            TopicLedger.OnTopic onTopic = topic.aggregates.remove(aggregate);
            if (onTopic != null) {
                duplicates += onTopic.duplicates;
                outOfOrder += onTopic.outOfOrder;
                finding(aggregate, "DUPLICATED", onTopic.duplicates);
                finding(aggregate, "OUT_OF_ORDER", onTopic.outOfOrder);
                finding(aggregate, "UNKNOWN", onTopic.sequences.cardinality() - aggregateFound);
            }
            finding(aggregate, "MISSING", aggregateMissing);
            finding(aggregate, "LOST", aggregateLost);
            aggregateMissing = 0;
            aggregateLost = 0;
            aggregateFound = 0;
            aggregate = null;
        }

        void finding(String aggregateId, String problem, long events) {
            if (events == 0) {
                return;
            }
            switch (problem) {
                case "MISSING" -> missing += events;
                case "LOST" -> {
                    missing += events;
                    lost += events;
                }
                case "UNKNOWN" -> unknown += events;
                default -> { }
            }
            if (findings.size() < FINDINGS_LISTED) {
                findings.add(new Reconciliation.Finding(aggregateId, problem, events));
            }
        }
    }
}
