package io.supplyline.command.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * The PostgreSQL event store's reader: its storage engine streams in commit order
 * ({@link CommitOrderSteps}), and what a position has not delivered yet is found through the index on
 * {@code (txid, globalindex)}: the events of transactions its base did not show as committed.
 */
final class CommitOrderReader extends EventStoreReader {

    CommitOrderReader(OutsideTransactions database) {
        super(database);
    }

    @Override
    public JdbcEventStorageEngine storageEngine(JdbcEventStorageEngine.Builder builder, Predicate<String> snapshotted) {
        database().read("check the event store's transaction ids", CommitOrderReader::refuseIdsFromAnotherServer);
        return new CommitOrderStorageEngine(builder, snapshotted, new CommitOrderSteps(database()),
                new CommitOrderPositions(database()));
    }

    /**
     * A store restored from a dump into another server carries transaction ids that server has not
     * reached yet: its snapshots would show new events as long committed, and readers would skip
     * them. Better not to start.
     */
    private static Void refuseIdsFromAnotherServer(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT (SELECT txid::text FROM domainevententry"
                + " ORDER BY txid DESC LIMIT 1), pg_snapshot_xmax(pg_current_snapshot())::text");
             ResultSet row = query.executeQuery()) {
            row.next();
            if (row.getString(1) != null && Long.parseLong(row.getString(1)) >= Long.parseLong(row.getString(2))) {
                throw new IllegalStateException("The event store holds transaction id " + row.getString(1)
                        + ", which this PostgreSQL server has not handed out yet (it is at " + row.getString(2)
                        + "): it was restored from another server. See docs/operations.md, Upgrading and moving the command database.");
            }
        }
        return null;
    }

    /** Rows the position has not delivered: not shown by its base (through the txid index) nor in its step. */
    @Override
    PreparedStatement undeliveredQuery(Connection connection, String select, TrackingToken position, String tail)
            throws SQLException {
        CommitOrderToken from = CommitOrderToken.of(position);
        String sql = select + " FROM domainevententry e WHERE ((e.txid = ANY(CAST(? AS xid8[]))"
                + " OR (e.txid >= CAST(? AS xid8) AND e.txid < CAST(? AS xid8)))"
                + (from.bound() == null ? "" : " AND NOT (pg_visible_in_snapshot(e.txid, CAST(? AS pg_snapshot)) AND e.globalindex <= ?)")
                + ")" + (from.legacy() == null ? "" : " OR (e.txid = '" + TxSnapshot.LEGACY_TXID + "' AND e.globalindex > ?"
                + " AND (e.globalindex > ? OR e.globalindex = ANY(CAST(? AS bigint[]))))") + tail;
        PreparedStatement query = connection.prepareStatement(sql);
        int p = 1;
        query.setString(p++, from.base().inProgressArray());
        query.setString(p++, Long.toString(from.base().xmax()));
        query.setString(p++, CommitOrderSteps.NO_TRANSACTION_ID_BEYOND);
        if (from.bound() != null) {
            query.setString(p++, from.bound().toString());
            query.setLong(p++, from.last());
        }
        if (from.legacy() != null) {
            query.setLong(p++, from.legacy().cursor());
            query.setLong(p++, from.legacy().index());
            query.setString(p, from.legacy().gaps().stream().map(Object::toString)
                    .collect(Collectors.joining(",", "{", "}")));
        }
        return query;
    }

    @Override
    public String positionColumns() {
        return "globalindex, txid::text";
    }

    @Override
    public boolean delivered(TrackingToken position, ResultSet row, int firstColumn) throws SQLException {
        return position != null && CommitOrderToken.of(position).delivers(Long.parseLong(row.getString(firstColumn + 1)),
                row.getLong(firstColumn));
    }
}
