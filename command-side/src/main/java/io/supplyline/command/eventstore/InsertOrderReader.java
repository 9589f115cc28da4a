package io.supplyline.command.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * The embedded database's reader: appends take turns ({@link SerialAppendStorageEngine}), so the
 * global index is commit order and Axon's gap-aware reader by global index is exact.
 */
final class InsertOrderReader implements EventStoreReader {

    private final OutsideTransactions database;

    InsertOrderReader(OutsideTransactions database) {
        this.database = database;
    }

    @Override
    public JdbcEventStorageEngine storageEngine(JdbcEventStorageEngine.Builder builder, Predicate<String> snapshotted) {
        return new SerialAppendStorageEngine(builder, snapshotted);
    }

    @Override
    public long undelivered(TrackingToken position) {
        return database.read("count undelivered events", connection -> {
            try (PreparedStatement query = undeliveredQuery(connection, "SELECT count(*)", position, "");
                 ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    @Override
    public Optional<Instant> oldestUndelivered(TrackingToken position) {
        return database.read("find the oldest undelivered event", connection -> {
            try (PreparedStatement query = undeliveredQuery(connection, "SELECT timestamp", position,
                    " ORDER BY globalindex LIMIT 1");
                 ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(Instant.parse(row.getString(1))) : Optional.empty();
            }
        });
    }

    /** Rows above the position's index, and those in its gaps (appends it saw roll back, or none yet). */
    private static PreparedStatement undeliveredQuery(Connection connection, String select, TrackingToken position,
                                                      String tail) throws SQLException {
        GapAwareTrackingToken from = position(position);
        PreparedStatement query = connection.prepareStatement(select
                + " FROM domainevententry WHERE globalindex > ? OR globalindex = ANY(?)" + tail);
        query.setLong(1, from == null ? -1 : from.getIndex());
        query.setArray(2, connection.createArrayOf("BIGINT", from == null ? new Long[0] : from.getGaps().toArray(Long[]::new)));
        return query;
    }

    @Override
    public String positionColumns() {
        return "globalindex";
    }

    @Override
    public boolean delivered(TrackingToken position, ResultSet row, int firstColumn) throws SQLException {
        GapAwareTrackingToken from = position(position);
        long globalIndex = row.getLong(firstColumn);
        return from != null && globalIndex <= from.getIndex() && !from.getGaps().contains(globalIndex);
    }

    private static GapAwareTrackingToken position(TrackingToken token) {
        if (token == null || token instanceof GapAwareTrackingToken) {
            return (GapAwareTrackingToken) token;
        }
        throw new IllegalArgumentException("Not a position in the event store: " + token);
    }
}
