package io.supplyline.command.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;

/**
 * Reads the PostgreSQL event store in commit order, for the storage engine's streams. Every append
 * records its transaction id (the column {@code txid}, default {@code pg_current_xact_id()}). A
 * reader takes steps from one snapshot to the next: each step delivers the events of the transactions that committed in between, in
 * global-index order. A transaction still open is not committed in either snapshot, so its events
 * come with the first step after it commits, however late that is; one that rolls back never comes.
 * <p>
 * Why steps between snapshots and not "below the oldest open transaction": one transaction held
 * open would then hold up every event after it, and ordering by transaction id can put an
 * aggregate's later event first (a process's transaction may take its id long before it appends).
 * Within a step, global-index order keeps each aggregate's order: an aggregate's next event is
 * inserted only after the transaction of the one before it committed. Each event comes with the
 * position after it ({@link CommitOrderToken}).
 * <p>
 * A step is read with small statements, each written so that the plan PostgreSQL keeps for it (a
 * generic plan, blind to the values) takes the index it needs. One statement for the whole step
 * took a millisecond and more to plan at every fetch, and its generic plan took the global-index
 * range below the floor as narrow and walked the whole table, at every step.
 */
final class CommitOrderSteps {

    /** Committed by the step's bound, not by its base: in the step. */
    private static final String IN_STEP = " AND pg_visible_in_snapshot(e.txid, CAST(? AS pg_snapshot))"
            + " AND NOT pg_visible_in_snapshot(e.txid, CAST(? AS pg_snapshot))";
    /**
     * Rows above the floor, forwards through the primary key: where the rows of transactions that
     * began after the base are. The batch size is part of the text (%d), so the kept plan knows it.
     */
    private static final String ABOVE_FLOOR = "SELECT " + StoredEventRow.COLUMNS + " FROM domainevententry e WHERE e.globalindex > ?"
            + IN_STEP + " ORDER BY e.globalindex LIMIT %d";
    /**
     * Rows at or below the floor, through the txid index (the global index only filters): of
     * transactions the base showed in progress, and of transactions with an id the base had not
     * handed out (one can take its id just before a snapshot and insert just after, or the other way
     * round). The upper end of the id range is never reached; it tells the planner the range is narrow.
     */
    private static final String AT_OR_BELOW_FLOOR = "SELECT " + StoredEventRow.COLUMNS + " FROM domainevententry e"
            + " WHERE (e.txid = ANY(CAST(? AS xid8[])) OR (e.txid >= CAST(? AS xid8) AND e.txid < CAST(? AS xid8)))"
            + " AND e.globalindex + 0 > ? AND e.globalindex + 0 <= ?" + IN_STEP;
    static final String NO_TRANSACTION_ID_BEYOND = Long.toString(Long.MAX_VALUE);
    private static final String LEGACY = "SELECT " + StoredEventRow.COLUMNS + " FROM domainevententry e"
            + " WHERE e.txid = '" + TxSnapshot.LEGACY_TXID + "' AND e.globalindex > ?"
            + " AND (e.globalindex > ? OR e.globalindex = ANY(CAST(? AS bigint[]))) ORDER BY e.globalindex LIMIT ?";

    private final OutsideTransactions database;
    /**
     * Where the latest step of a reader here ended. Readers that end their steps at the same
     * snapshots hold equal positions once they have caught up, and Axon's event store then serves
     * them all from its one stream of recent events; with a snapshot each, every processor would
     * query the store on its own after every commit.
     */
    private final AtomicReference<TxSnapshot> latestBound = new AtomicReference<>(TxSnapshot.NOTHING);

    CommitOrderSteps(OutsideTransactions database) {
        this.database = database;
    }

    /** The next events after the position, at most {@code batchSize}, each with the position after it. */
    List<TrackedEventData<?>> fetch(TrackingToken lastToken, int batchSize) {
        CommitOrderToken from = CommitOrderToken.of(lastToken);
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
     * The events committed after the position's base, up to its bound, that it has not delivered.
     * A position between steps ends its next step where the latest step of any reader here ended,
     * if that is later than its base and anything committed in between; otherwise now.
     */
    private List<TrackedEventData<?>> step(Connection connection, CommitOrderToken from, int batchSize)
            throws SQLException {
        if (from.bound() != null) {
            return step(connection, from, from.bound(), batchSize);
        }
        TxSnapshot shared = latestBound.get();
        if (!shared.equals(from.base()) && shared.includes(from.base())) {
            List<TrackedEventData<?>> events = step(connection, from, shared, batchSize);
            if (!events.isEmpty()) {
                return events;
            }
        }
        TxSnapshot now = now(connection);
        latestBound.accumulateAndGet(now, (known, taken) -> taken.includes(known) ? taken : known);
        return step(connection, from, now, batchSize);
    }

    /** One step's events, from the position to the bound {@code to}. */
    private static List<TrackedEventData<?>> step(Connection connection, CommitOrderToken from, TxSnapshot to,
                                                  int batchSize) throws SQLException {
        List<StoredEventRow> rows = new ArrayList<>();
        if (from.last() < from.floor()) {
            rows.addAll(rows(connection, AT_OR_BELOW_FLOOR, from, to, from.base().inProgressArray(),
                    Long.toString(from.base().xmax()), NO_TRANSACTION_ID_BEYOND, from.last(), from.floor()));
        }
        rows.addAll(rows(connection, String.format(ABOVE_FLOOR, batchSize), from, to,
                Math.max(from.last(), from.floor())));
        rows.sort(Comparator.comparingLong(StoredEventRow::globalIndex));
        boolean stepComplete = rows.size() < batchSize;
        List<TrackedEventData<?>> events = new ArrayList<>(Math.min(rows.size(), batchSize));
        for (int i = 0; i < Math.min(rows.size(), batchSize); i++) {
            long globalIndex = rows.get(i).globalIndex();
            boolean lastOfStep = stepComplete && i == rows.size() - 1;
            events.add(rows.get(i).tracked(lastOfStep ? from.stepDone(to, globalIndex)
                    : from.deliveredInStep(to, globalIndex)));
        }
        return events;
    }

    /** Runs one of a step's statements: its own parameters, then the step's bound and base. */
    private static List<StoredEventRow> rows(Connection connection, String sql, CommitOrderToken from, TxSnapshot to,
                                  Object... parameters) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            int p = 1;
            for (Object parameter : parameters) {
                query.setObject(p++, parameter);
            }
            query.setString(p++, to.toString());
            query.setString(p, from.base().toString());
            List<StoredEventRow> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(StoredEventRow.read(result));
                }
            }
            return rows;
        }
    }

    private static TxSnapshot now(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT pg_current_snapshot()::text");
             ResultSet row = query.executeQuery()) {
            row.next();
            return TxSnapshot.parse(row.getString(1));
        }
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
                    StoredEventRow row = StoredEventRow.read(result);
                    events.add(row.tracked(new CommitOrderToken(from.base(), from.floor(), null, -1,
                            new CommitOrderToken.LegacyTail(legacy.index(), legacy.gaps(), row.globalIndex()))));
                }
            }
        }
        return events;
    }
}
