package io.supplyline.command.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * The embedded database's reader: appends take turns ({@link SerialAppendStorageEngine}), so the
 * global index is commit order and Axon's gap-aware reader by global index is exact.
 */
final class InsertOrderReader extends EventStoreReader {

    private final DataSource dataSource;

    InsertOrderReader(OutsideTransactions database, DataSource dataSource) {
        super(database);
        this.dataSource = dataSource;
    }

    @Override
    public JdbcEventStorageEngine storageEngine(JdbcEventStorageEngine.Builder builder, Predicate<String> snapshotted) {
        return new SerialAppendStorageEngine(builder, snapshotted);
    }

    @Override
    public TransactionManager appendingTransactions(TransactionManager transactions) {
        return new AppendTurnFirst(transactions, dataSource::getConnection);
    }

    /** Rows above the position's index, and those in its gaps (appends it saw roll back, or none yet). */
    @Override
    PreparedStatement undeliveredQuery(Connection connection, String select, TrackingToken position, String tail)
            throws SQLException {
        GapAwareTrackingToken from = position(position);
        PreparedStatement query = connection.prepareStatement(select
                + " FROM domainevententry e WHERE e.globalindex > ? OR e.globalindex = ANY(?)" + tail);
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
