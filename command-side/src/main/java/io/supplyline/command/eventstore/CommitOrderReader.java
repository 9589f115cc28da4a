package io.supplyline.command.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Reads the PostgreSQL event store in commit order. Every append records its transaction id (the
 * column {@code txid}, default {@code pg_current_xact_id()}). A reader takes steps from one snapshot
 * to the next: each step delivers the events of the transactions that committed in between, in
 * global-index order. A transaction still open is not committed in either snapshot, so its events
 * come with the first step after it commits, however late that is; one that rolls back never comes.
 * <p>
 * Why steps between snapshots and not "below the oldest open transaction": one transaction held
 * open would then hold up every event after it, and ordering by transaction id can put an
 * aggregate's later event first (a process's transaction may take its id long before it appends).
 * Within a step, global-index order keeps each aggregate's order: an aggregate's next event is
 * inserted only after the transaction of the one before it committed.
 */
final class CommitOrderReader implements EventStoreReader {

    private static final String COLUMNS = "e.globalindex, e.eventidentifier, e.aggregateidentifier, e.sequencenumber,"
            + " e.type, e.timestamp, e.payloadtype, e.payloadrevision, e.payload, e.metadata";
    /** Shown by the step's bound, not by its base: committed in between. */
    private static final String IN_STEP = "pg_visible_in_snapshot(e.txid, s.bound) AND NOT pg_visible_in_snapshot(e.txid, s.base)";
    private static final String STEP = "WITH s AS (SELECT CAST(? AS pg_snapshot) AS base,"
            + " COALESCE(CAST(? AS pg_snapshot), pg_current_snapshot()) AS bound)"
            + " SELECT r.*, (SELECT bound::text FROM s) FROM (%s) r ORDER BY r.globalindex LIMIT ?";
    /**
     * Rows above the floor: forwards through the primary key. Rows of a later transaction begin
     * there, except those of transactions that were already writing when the base was taken.
     */
    private static final String ABOVE_FLOOR = "(SELECT " + COLUMNS + " FROM domainevententry e, s"
            + " WHERE e.globalindex > ? AND " + IN_STEP + " ORDER BY e.globalindex LIMIT ?)";
    /** Those: in progress at the base, or with an id the base had not handed out; through the txid index. */
    private static final String AT_OR_BELOW_FLOOR = "(SELECT " + COLUMNS + " FROM domainevententry e, s"
            + " WHERE e.globalindex > ? AND e.globalindex <= ?"
            + " AND (e.txid = ANY(CAST(? AS xid8[])) OR e.txid >= CAST(? AS xid8)) AND " + IN_STEP
            + " ORDER BY e.globalindex LIMIT ?)";
    private static final String LEGACY = "SELECT " + COLUMNS + " FROM domainevententry e"
            + " WHERE e.txid = '" + TxSnapshot.LEGACY_TXID + "' AND e.globalindex > ?"
            + " AND (e.globalindex > ? OR e.globalindex = ANY(CAST(? AS bigint[]))) ORDER BY e.globalindex LIMIT ?";

    private final OutsideTransactions database;

    CommitOrderReader(OutsideTransactions database) {
        this.database = database;
    }

    @Override
    public JdbcEventStorageEngine storageEngine(JdbcEventStorageEngine.Builder builder, Predicate<String> snapshotted) {
        database.read("check the event store's transaction ids", CommitOrderReader::refuseIdsFromAnotherServer);
        return new CommitOrderStorageEngine(builder, snapshotted, this);
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
                        + "): it was restored from another server. See the README, Running in production.");
            }
        }
        return null;
    }

    /** The next events after the position, at most {@code batchSize}, each with the position after it. */
    List<TrackedEventData<?>> fetch(TrackingToken lastToken, int batchSize) {
        CommitOrderToken from = position(lastToken);
        return database.read("read events after " + from, connection -> {
            if (from.legacy() != null) {
                List<TrackedEventData<?>> legacy = legacyTail(connection, from, batchSize);
                if (!legacy.isEmpty()) {
                    return legacy;
                }
            }
            CommitOrderToken current = new CommitOrderToken(from.base(), from.floor(), from.bound(), from.last(), null);
            List<TrackedEventData<?>> events = step(connection, current, batchSize);
            if (events.isEmpty() && current.bound() != null) {
                // The step was complete; take the next one.
                events = step(connection, current.stepDone(current.bound(), current.last()), batchSize);
            }
            return events;
        });
    }

    /**
     * The events committed after the position's base, up to its bound (or up to now, which becomes
     * the bound), that it has not delivered.
     */
    private static List<TrackedEventData<?>> step(Connection connection, CommitOrderToken from, int batchSize)
            throws SQLException {
        boolean belowFloor = from.last() < from.floor();
        String parts = belowFloor ? AT_OR_BELOW_FLOOR + " UNION ALL " + ABOVE_FLOOR : ABOVE_FLOOR;
        List<Row> rows = new ArrayList<>();
        TxSnapshot bound = from.bound();
        try (PreparedStatement query = connection.prepareStatement(String.format(STEP, parts))) {
            int p = 1;
            query.setString(p++, from.base().toString());
            if (bound == null) {
                query.setNull(p++, Types.VARCHAR);
            } else {
                query.setString(p++, bound.toString());
            }
            if (belowFloor) {
                query.setLong(p++, from.last());
                query.setLong(p++, from.floor());
                query.setString(p++, from.base().inProgressArray());
                query.setString(p++, Long.toString(from.base().xmax()));
                query.setInt(p++, batchSize);
            }
            query.setLong(p++, Math.max(from.last(), from.floor()));
            query.setInt(p++, batchSize);
            query.setInt(p, batchSize);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(Row.read(result));
                    if (bound == null) {
                        bound = TxSnapshot.parse(result.getString(11));
                    }
                }
            }
        }
        List<TrackedEventData<?>> events = new ArrayList<>(rows.size());
        boolean stepComplete = rows.size() < batchSize;
        for (int i = 0; i < rows.size(); i++) {
            long globalIndex = rows.get(i).globalIndex;
            boolean lastOfStep = stepComplete && i == rows.size() - 1;
            events.add(rows.get(i).tracked(lastOfStep ? from.stepDone(bound, globalIndex)
                    : from.deliveredInStep(bound, globalIndex)));
        }
        return events;
    }

    private static List<TrackedEventData<?>> legacyTail(Connection connection, CommitOrderToken from, int batchSize)
            throws SQLException {
        CommitOrderToken.LegacyTail legacy = from.legacy();
        List<TrackedEventData<?>> events = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(LEGACY)) {
            query.setLong(1, legacy.cursor());
            query.setLong(2, legacy.index());
            query.setString(3, legacy.gaps().stream().map(Object::toString).collect(Collectors.joining(",", "{", "}")));
            query.setInt(4, batchSize);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    Row row = Row.read(result);
                    events.add(row.tracked(new CommitOrderToken(from.base(), from.floor(), null, -1,
                            new CommitOrderToken.LegacyTail(legacy.index(), legacy.gaps(), row.globalIndex))));
                }
            }
        }
        return events;
    }

    /** Every event committed now, delivered. */
    CommitOrderToken head() {
        return database.read("take the head position", connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT pg_current_snapshot()::text, (SELECT COALESCE(max(globalindex), -1) FROM domainevententry)");
                 ResultSet row = query.executeQuery()) {
                row.next();
                return CommitOrderToken.at(TxSnapshot.parse(row.getString(1)), row.getLong(2));
            }
        });
    }

    /** Events stored before the instant, delivered (as far as the global index says so). */
    CommitOrderToken at(Instant instant) {
        CommitOrderToken at = database.read("take the position at " + instant, connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT pg_current_snapshot()::text,"
                    + " (SELECT min(globalindex) FROM domainevententry WHERE timestamp >= ?)")) {
                query.setString(1, instant.toString());
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    long first = row.getLong(2);
                    return row.wasNull() ? null
                            : new CommitOrderToken(TxSnapshot.NOTHING, -1, TxSnapshot.parse(row.getString(1)), first - 1, null);
                }
            }
        });
        return at != null ? at : head();
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
            try (PreparedStatement query = undeliveredQuery(connection, "SELECT e.timestamp", position,
                    " ORDER BY e.globalindex LIMIT 1");
                 ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(Instant.parse(row.getString(1))) : Optional.empty();
            }
        });
    }

    /** Rows the position has not delivered: not shown by its base (through the txid index) nor in its step. */
    private static PreparedStatement undeliveredQuery(Connection connection, String select, TrackingToken position,
                                                      String tail) throws SQLException {
        CommitOrderToken from = position(position);
        String sql = select + " FROM domainevententry e WHERE ((e.txid = ANY(CAST(? AS xid8[])) OR e.txid >= CAST(? AS xid8))"
                + (from.bound() == null ? "" : " AND NOT (pg_visible_in_snapshot(e.txid, CAST(? AS pg_snapshot)) AND e.globalindex <= ?)")
                + ")" + (from.legacy() == null ? "" : " OR (e.txid = '" + TxSnapshot.LEGACY_TXID + "' AND e.globalindex > ?"
                + " AND (e.globalindex > ? OR e.globalindex = ANY(CAST(? AS bigint[]))))") + tail;
        PreparedStatement query = connection.prepareStatement(sql);
        int p = 1;
        query.setString(p++, from.base().inProgressArray());
        query.setString(p++, Long.toString(from.base().xmax()));
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
        return position != null && position(position).delivers(Long.parseLong(row.getString(firstColumn + 1)),
                row.getLong(firstColumn));
    }

    /** A reader's position as this reader keeps it; the gap-aware token of the version before is converted. */
    static CommitOrderToken position(TrackingToken token) {
        if (token == null) {
            return CommitOrderToken.tail();
        }
        if (token instanceof CommitOrderToken commitOrder) {
            return commitOrder;
        }
        if (token instanceof GapAwareTrackingToken old) {
            return CommitOrderToken.convert(old);
        }
        throw new IllegalArgumentException("Not a position in the event store: " + token);
    }

    /** An event row as read, before its position is known. */
    private record Row(long globalIndex, GenericDomainEventEntry<byte[]> event) {

        static Row read(ResultSet result) throws SQLException {
            String eventId = result.getString(2);
            String aggregateId = result.getString(3);
            return new Row(result.getLong(1), new GenericDomainEventEntry<>(result.getString(5),
                    eventId.equals(aggregateId) ? null : aggregateId, result.getLong(4), eventId, result.getString(6),
                    result.getString(7), result.getString(8), result.getBytes(9), result.getBytes(10)));
        }

        TrackedEventData<?> tracked(CommitOrderToken position) {
            return new TrackedDomainEventData<>(position, event);
        }
    }
}
