package io.supplyline.query.projection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.axonframework.eventhandling.DomainEventMessage;

/**
 * The read-model rows one transaction (one batch of the projection engine) works on, in memory: each
 * row is read at most once, the rows of all the batch's aggregates of a kind with one query; handlers
 * change the objects; at the end every new row is inserted and every changed row updated once, table by
 * table, in a few statements ({@link RowTable}). No ORM session is involved: its per-row bookkeeping
 * and dirty checks were most of a batch's time. Which transaction they belong to: {@link TransactionRows}.
 */
final class BatchRows {

    /**
     * Rows a replay that writes every batch carries at most; beyond, the next transaction starts empty.
     * A replay in memory keeps its rows while the heap has room for them ({@link HeapRoom}).
     */
    private static final int CARRIED_ROWS = 100_000;
    /**
     * Points of history a replay in memory keeps before it writes them: nothing reads them again, so
     * holding more would only fill the heap.
     */
    private static final int APPENDED_ROWS = 20_000;

    private final DataSource dataSource;
    /** The replay of the thread that made these rows; null outside one. */
    final Replay replay;
    /**
     * Every row of the tables is here: an in-memory replay into empty tables that has not dropped a row
     * yet. A row not here is none, and no query needs to ask.
     */
    private final boolean complete;
    private final Map<String, Set<String>> batchIdsByKind = new HashMap<>();
    private final Map<Class<?>, KeptRows<?>> kept = new LinkedHashMap<>();
    /** Written, and holding more than a replay may carry on: the next transaction starts empty. */
    boolean full;

    BatchRows(DataSource dataSource) {
        this.dataSource = dataSource;
        this.replay = Replay.current();
        this.complete = inMemory() && !replay.dropped;
        startTransaction();
    }

    /** A transaction starts with these rows: the first, or the next of a replay that carries them on. */
    void startTransaction() {
        batchIdsByKind.clear();
        boolean inMemory = inMemory();
        kept.values().forEach(table -> table.newTransaction(inMemory));
        CurrentBatch batch = CurrentBatch.get();
        if (batch != null) {
            batch.events().stream().filter(DomainEventMessage.class::isInstance)
                    .map(message -> ((DomainEventMessage<?>) message).getAggregateIdentifier())
                    .distinct()
                    .forEach(id -> batchIdsByKind.computeIfAbsent(kindOf(id), kind -> new LinkedHashSet<>()).add(id));
        }
    }

    private int keptRows() {
        return kept.values().stream().mapToInt(table -> table.rows.size()).sum();
    }

    private int appendedRows() {
        return kept.values().stream().mapToInt(table -> table.appended.size()).sum();
    }

    private boolean inMemory() {
        return replay != null && replay.inMemory;
    }

    /** {@code stock:} of {@code stock:BER-1:PALLET-EUR}; empty for ids that are not an aggregate's. */
    private static String kindOf(String id) {
        return id.substring(0, id.indexOf(':') + 1);
    }

    List<String> aggregateIds() {
        return batchIdsByKind.values().stream().flatMap(Set::stream).toList();
    }

    @SuppressWarnings("unchecked")
    private <R> KeptRows<R> kept(Class<R> type) {
        return (KeptRows<R>) kept.computeIfAbsent(type, KeptRows::new);
    }

    <R> R find(Class<R> type, String id) throws SQLException {
        KeptRows<R> table = kept(type);
        return table.touch(id, lookUp(table, id));
    }

    private <R> R lookUp(KeptRows<R> table, String id) throws SQLException {
        R row = table.rows.get(id);
        if (row != null || complete || table.absent.contains(id)) {
            return row;
        }
        String kind = kindOf(id);
        Set<String> ids = batchIdsByKind.get(kind);
        if (!kind.isEmpty() && ids != null && ids.contains(id) && table.warmKinds.add(kind)) {
            // The first of the batch's aggregates of this kind: read the rows of all of them.
            load(table, ids);
            return table.rows.get(id);
        }
        load(table, List.of(id));
        return table.rows.get(id);
    }

    private <R> void load(KeptRows<R> table, Collection<String> ids) throws SQLException {
        List<String> unknown = table.unknown(ids);
        if (unknown.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            table.load(connection, unknown);
        }
    }

    /** A new row, inserted at the end of the transaction. */
    @SuppressWarnings("unchecked")
    <R> R add(R row) {
        kept((Class<R>) row.getClass()).add(row);
        return row;
    }

    /** A row that is only ever inserted, never read or changed by a projection (a point of history). */
    @SuppressWarnings("unchecked")
    <R> void append(R row) {
        kept((Class<R>) row.getClass()).appended.add(row);
    }

    /**
     * The rows of a type that {@code test} accepts, sorted by id: those in memory (as changed so far) and
     * those only the database has, found with {@code condition} (SQL, the same test on the stored columns).
     */
    <R> List<R> matching(Class<R> type, Predicate<R> test, String condition, Object... parameters) throws SQLException {
        KeptRows<R> table = kept(type);
        if (!complete) {
            try (Connection connection = dataSource.getConnection()) {
                table.keep(table.table.select(connection, condition, parameters));
            }
        }
        return table.matching(test);
    }

    /**
     * As {@link #matching}, among the rows whose {@code column} (one that never changes) holds one of
     * {@code values}: with every row in memory they are found by that column, not by testing each row.
     */
    <R> List<R> matching(Class<R> type, RowColumn column, Collection<?> values, Predicate<R> test, String condition,
                         Object... parameters) throws SQLException {
        if (!complete) {
            return matching(type, test, condition, parameters);
        }
        return kept(type).matching(column, values, test);
    }

    /** Writes what a batch must have written when it ends: everything, unless an in-memory replay may keep it longer. */
    void writeDue() throws SQLException {
        if (!inMemory()) {
            write();
            full = keptRows() >= CARRIED_ROWS;
        } else if (HeapRoom.isShort(replay.heapShare)) {
            // Rows dropped from memory are read again from the tables when a later event needs them.
            write();
            full = true;
        } else if (appendedRows() >= APPENDED_ROWS) {
            writeAppended();
        }
    }

    private void writeAppended() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            for (KeptRows<?> table : kept.values()) {
                table.writeAppended(connection);
            }
        }
    }

    /** Inserts the new rows and updates the changed ones, table by table. */
    void write() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            for (KeptRows<?> table : kept.values()) {
                table.write(connection);
            }
        }
    }
}
