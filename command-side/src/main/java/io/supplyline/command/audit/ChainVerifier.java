package io.supplyline.command.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import jakarta.inject.Singleton;

import org.axonframework.common.DateTimeUtils;

/**
 * Recomputes every event's hash from what the store holds now and walks each aggregate's chain.
 * It streams in aggregate and sequence order, so memory stays bounded by one aggregate's link.
 */
@Singleton
public class ChainVerifier {

    /** Broken links listed in one answer; the count of checked events is always complete. */
    static final int LISTED = 100;
    private static final int FETCH_SIZE = 1000;

    private final DataSource dataSource;

    ChainVerifier(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @param aggregateId one aggregate, or null for the whole store
     * @param abandoned asked every {@code FETCH_SIZE} events: true stops the walk (the client has gone)
     */
    public ChainVerification verify(String aggregateId, BooleanSupplier abandoned) {
        long started = System.nanoTime();
        BrokenLinks broken = new BrokenLinks();
        long[] counts = new long[2]; // events, aggregates
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                walkChains(connection, aggregateId, broken, counts, abandoned);
                findUnrecorded(connection, aggregateId, broken);
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the event store", e);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new ChainVerification(broken.count == 0, counts[0], counts[1], broken.count, millis,
                broken.listed.isEmpty() ? null : broken.listed.get(0), broken.listed);
    }

    /** Counts every broken link, keeps the first {@link #LISTED}. */
    private static final class BrokenLinks {
        final List<ChainVerification.BrokenLink> listed = new ArrayList<>();
        long count;

        void add(ChainVerification.BrokenLink link) {
            count++;
            if (listed.size() < LISTED) {
                listed.add(link);
            }
        }
    }

    private static void walkChains(Connection connection, String aggregateId, BrokenLinks broken, long[] counts,
                                   BooleanSupplier abandoned)
            throws SQLException {
        String sql = "SELECT a.aggregate_id, a.sequence_number, a.event_id, a.previous_hash, a.hash, e.aggregateidentifier,"
                + " e.sequencenumber, e.payloadtype, e.payloadrevision, e.timestamp, e.payload, e.metadata"
                + " FROM event_audit a LEFT JOIN domainevententry e ON e.eventidentifier = a.event_id"
                + (aggregateId == null ? "" : " WHERE a.aggregate_id = ?")
                + " ORDER BY a.aggregate_id, a.sequence_number";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (aggregateId != null) {
                statement.setString(1, aggregateId);
            }
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet row = statement.executeQuery()) {
                String aggregate = null;
                long expectedSequence = 0;
                String previousHash = EventHash.GENESIS;
                long read = 0;
                while (row.next()) {
                    if (++read % FETCH_SIZE == 0 && abandoned.getAsBoolean()) {
                        throw new CancellationException("The client went away; verification stopped");
                    }
                    String id = row.getString(1);
                    long sequence = row.getLong(2);
                    String eventId = row.getString(3);
                    if (!id.equals(aggregate)) {
                        aggregate = id;
                        expectedSequence = 0;
                        previousHash = EventHash.GENESIS;
                        counts[1]++;
                    }
                    counts[0]++;
                    if (sequence != expectedSequence) {
                        broken.add(new ChainVerification.BrokenLink(id, expectedSequence, null, "MISSING",
                                "The trail has no record of events " + expectedSequence + " to " + (sequence - 1)
                                        + ": deleted, or never recorded"));
                    } else if (!previousHash.equals(row.getString(4))) {
                        broken.add(new ChainVerification.BrokenLink(id, sequence, eventId, "RELINKED",
                                "The recorded predecessor hash is not the hash of event " + (sequence - 1)));
                    }
                    if (row.getString(6) == null) {
                        broken.add(new ChainVerification.BrokenLink(id, sequence, eventId, "DELETED",
                                "The store no longer has this event"));
                    } else {
                        String recomputed = EventHash.of(row.getString(4), row.getString(6), row.getLong(7), eventId,
                                row.getString(8), row.getString(9), DateTimeUtils.parseInstant(row.getString(10)),
                                row.getBytes(11), row.getBytes(12));
                        if (!recomputed.equals(row.getString(5))) {
                            broken.add(new ChainVerification.BrokenLink(id, sequence, eventId, "ALTERED",
                                    "The stored event no longer matches the hash recorded when it was appended"));
                        }
                    }
                    expectedSequence = sequence + 1;
                    previousHash = row.getString(5);
                }
            }
        }
    }

    private static void findUnrecorded(Connection connection, String aggregateId, BrokenLinks broken)
            throws SQLException {
        String sql = "SELECT e.aggregateidentifier, e.sequencenumber, e.eventidentifier"
                + " FROM domainevententry e LEFT JOIN event_audit a ON a.event_id = e.eventidentifier"
                + " WHERE a.event_id IS NULL" + (aggregateId == null ? "" : " AND e.aggregateidentifier = ?")
                + " ORDER BY e.aggregateidentifier, e.sequencenumber";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (aggregateId != null) {
                statement.setString(1, aggregateId);
            }
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    broken.add(new ChainVerification.BrokenLink(row.getString(1), row.getLong(2), row.getString(3),
                            "UNRECORDED", "A stored event without an audit record: it was not appended by the service"));
                }
            }
        }
    }
}
