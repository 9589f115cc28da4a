package io.supplyline.query.projection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import javax.sql.DataSource;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.axonframework.eventhandling.DomainEventMessage;

/**
 * The read-model rows one transaction (one batch of the projection engine) works on, in memory: each
 * row is read at most once, the rows of all the batch's aggregates of a kind with one query; handlers
 * change the objects; at the end every new row is inserted and every changed row updated once, table by
 * table, in a few statements ({@link RowTable}). No ORM session is involved: its per-row bookkeeping
 * and dirty checks were most of a batch's time.
 */
final class BatchRows implements Synchronization {

    private static final String RESOURCE = BatchRows.class.getName();
    /**
     * A replay's rows, carried from each of its transactions to the next: it is the only writer of its
     * fresh tables, so what it wrote is still what they hold, and a row read once is never read again.
     */
    private static final ThreadLocal<BatchRows> CARRIED = new ThreadLocal<>();
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
    private final TransactionSynchronizationRegistry transactions;
    /** The replay of the thread that made these rows; null outside one. */
    private final Replay replay;
    /**
     * Every row of the tables is here: an in-memory replay into empty tables that has not dropped a row
     * yet. A row not here is none, and no query needs to ask.
     */
    private final boolean complete;
    private final Map<String, Set<String>> batchIdsByKind = new HashMap<>();
    private final Map<Class<?>, Kept<?>> kept = new LinkedHashMap<>();
    /** Written, and holding more than a replay may carry on: the next transaction starts empty. */
    private boolean full;

    /** The rows of one table that this transaction has seen. */
    private static final class Kept<R> {
        final RowTable<R> table;
        /** By id, as stored (or to be inserted). */
        final Map<Object, R> rows = new HashMap<>();
        /** Ids of rows made and not inserted yet, in the order they were made. */
        final Set<Object> made = new LinkedHashSet<>();
        /**
         * The columns of each stored row this transaction handed to a projection, as they were then (or
         * last written): only those rows can have changed. A replay carries many more rows, and checking
         * them all at each write was its largest cost.
         */
        final Map<Object, Object[]> touched = new LinkedHashMap<>();
        /** Ids known to have no row (and none made since). */
        final Set<Object> absent = new HashSet<>();
        /** Rows that are only ever inserted (history): written, then forgotten. */
        final List<R> appended = new ArrayList<>();
        /** Kinds of aggregate whose rows this transaction has read for all of the batch's aggregates. */
        final Set<String> warmKinds = new HashSet<>();
        /**
         * Ids by the value of a column that never changes (a SKU, an alert's subject), built when a replay
         * holding every row first looks rows up by it: testing every row at each look was a tenth of its time.
         */
        final Map<RowColumn, Map<Object, List<Object>>> idsByValue = new HashMap<>();

        Kept(Class<R> type) {
            this.table = RowTable.of(type);
        }

        /** The row, now in a projection's hands. */
        R touch(Object id, R row) {
            if (row != null && !made.contains(id)) {
                touched.computeIfAbsent(id, key -> table.state(row));
            }
            return row;
        }
    }

    private BatchRows(DataSource dataSource, TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.replay = Replay.current();
        this.complete = inMemory() && !replay.dropped;
        startTransaction();
    }

    private void startTransaction() {
        batchIdsByKind.clear();
        kept.values().forEach(table -> {
            table.warmKinds.clear();
            if (!inMemory()) {
                // Written at the end of the last transaction: only what this one touches can change.
                table.touched.clear();
            }
        });
        CurrentBatch batch = CurrentBatch.get();
        if (batch != null) {
            batch.events().stream().filter(DomainEventMessage.class::isInstance)
                    .map(message -> ((DomainEventMessage<?>) message).getAggregateIdentifier())
                    .distinct()
                    .forEach(id -> batchIdsByKind.computeIfAbsent(kindOf(id), kind -> new LinkedHashSet<>()).add(id));
        }
    }

    /** The rows of the current transaction; written before it commits, if not already by {@link #write}. */
    static BatchRows current(DataSource dataSource, TransactionSynchronizationRegistry transactions) {
        BatchRows rows = (BatchRows) transactions.getResource(RESOURCE);
        if (rows == null) {
            rows = CARRIED.get();
            if (rows != null && !rows.full) {
                rows.startTransaction();
            } else {
                if (rows != null && rows.replay != null) {
                    rows.replay.dropped = true;
                }
                rows = new BatchRows(dataSource, transactions);
            }
            if (Replay.isActive()) {
                CARRIED.set(rows);
            }
            transactions.putResource(RESOURCE, rows);
            transactions.registerInterposedSynchronization(rows);
        }
        return rows;
    }

    /** Forgets the rows carried on this thread (a replay ends, or its transaction did not commit). */
    static void dropCarried() {
        CARRIED.remove();
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
    private <R> Kept<R> kept(Class<R> type) {
        return (Kept<R>) kept.computeIfAbsent(type, Kept::new);
    }

    <R> R find(Class<R> type, String id) throws SQLException {
        Kept<R> table = kept(type);
        return table.touch(id, lookUp(table, id));
    }

    private <R> R lookUp(Kept<R> table, String id) throws SQLException {
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

    private <R> void load(Kept<R> table, Collection<String> ids) throws SQLException {
        List<String> unknown = ids.stream().filter(id -> !table.rows.containsKey(id) && !table.absent.contains(id)).toList();
        if (unknown.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            for (R row : table.table.selectByIds(connection, unknown)) {
                table.rows.put(table.table.idOf(row), row);
            }
        }
        unknown.stream().filter(id -> !table.rows.containsKey(id)).forEach(table.absent::add);
    }

    /** A new row, inserted at the end of the transaction. */
    <R> R add(R row) {
        @SuppressWarnings("unchecked")
        Kept<R> table = kept((Class<R>) row.getClass());
        Object id = table.table.idOf(row);
        if (table.rows.putIfAbsent(id, row) != null) {
            throw new IllegalStateException(table.table.name + " already has a row " + id);
        }
        table.absent.remove(id);
        table.made.add(id);
        table.idsByValue.forEach((column, ids) -> ids.computeIfAbsent(column.get(row), value -> new ArrayList<>()).add(id));
        return row;
    }

    /** A row that is only ever inserted, never read or changed by a projection (a point of history). */
    <R> void append(R row) {
        @SuppressWarnings("unchecked")
        Kept<R> table = kept((Class<R>) row.getClass());
        table.appended.add(row);
    }

    /**
     * The rows of a type that {@code test} accepts, sorted by id: those in memory (as changed so far) and
     * those only the database has, found with {@code condition} (SQL, the same test on the stored columns).
     */
    <R> List<R> matching(Class<R> type, Predicate<R> test, String condition, Object... parameters) throws SQLException {
        Kept<R> table = kept(type);
        if (!complete) {
            try (Connection connection = dataSource.getConnection()) {
                for (R row : table.table.select(connection, condition, parameters)) {
                    table.rows.putIfAbsent(table.table.idOf(row), row);
                }
            }
        }
        Map<Object, R> found = new TreeMap<>();
        table.rows.forEach((id, row) -> {
            if (test.test(row)) {
                found.put(id, table.touch(id, row));
            }
        });
        return new ArrayList<>(found.values());
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
        Kept<R> table = kept(type);
        Map<Object, List<Object>> index = table.idsByValue.get(column);
        if (index == null) {
            index = new HashMap<>();
            for (Map.Entry<Object, R> row : table.rows.entrySet()) {
                index.computeIfAbsent(column.get(row.getValue()), value -> new ArrayList<>()).add(row.getKey());
            }
            table.idsByValue.put(column, index);
        }
        Map<Object, R> found = new TreeMap<>();
        for (Object value : values) {
            for (Object id : index.getOrDefault(value, List.of())) {
                R row = table.rows.get(id);
                if (test.test(row)) {
                    found.put(id, table.touch(id, row));
                }
            }
        }
        return new ArrayList<>(found.values());
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
            for (Kept<?> table : kept.values()) {
                appendTo(connection, table);
            }
        }
    }

    private static <R> void appendTo(Connection connection, Kept<R> kept) throws SQLException {
        if (!kept.appended.isEmpty()) {
            kept.table.insert(connection, kept.appended);
            kept.appended.clear();
        }
    }

    /** Inserts the new rows and updates the changed ones, table by table. */
    void write() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            for (Kept<?> table : kept.values()) {
                write(connection, table);
            }
        }
    }

    private static <R> void write(Connection connection, Kept<R> kept) throws SQLException {
        List<R> inserts = new ArrayList<>();
        kept.made.forEach(id -> inserts.add(kept.rows.get(id)));
        inserts.addAll(kept.appended);
        List<R> updates = new ArrayList<>();
        List<Object[]> before = new ArrayList<>();
        kept.touched.forEach((id, state) -> {
            R row = kept.rows.get(id);
            if (kept.table.changed(row, state)) {
                updates.add(row);
                before.add(state);
            }
        });
        if (!inserts.isEmpty()) {
            kept.table.insert(connection, inserts);
        }
        if (!updates.isEmpty()) {
            kept.table.update(connection, updates, before);
        }
        // What is stored now is what later changes in this transaction are compared with.
        kept.made.forEach(id -> kept.touched.put(id, kept.table.state(kept.rows.get(id))));
        updates.forEach(row -> kept.touched.put(kept.table.idOf(row), kept.table.state(row)));
        kept.made.clear();
        kept.appended.clear();
    }

    @Override
    public void beforeCompletion() {
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            try {
                writeDue();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not write the read-model rows; the transaction rolls back", e);
            }
        }
    }

    @Override
    public void afterCompletion(int status) {
        if (status != Status.STATUS_COMMITTED && CARRIED.get() == this) {
            // The rows in memory hold changes the tables do not (an in-memory replay must start again).
            if (replay != null) {
                replay.dropped = true;
            }
            dropCarried();
        }
    }
}
