package io.supplyline.query.projection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The rows of one table that a transaction ({@link BatchRows}) has seen: kept by id, with what each looked
 * like when a projection got it, so that writing them touches only new and changed rows.
 */
final class KeptRows<R> {

    final RowTable<R> table;
    /** By id, as stored (or to be inserted). */
    final Map<Object, R> rows = new HashMap<>();
    /** Ids of rows made and not inserted yet, in the order they were made. */
    private final Set<Object> made = new LinkedHashSet<>();
    /**
     * The columns of each stored row this transaction handed to a projection, as they were then (or
     * last written): only those rows can have changed. A replay carries many more rows, and checking
     * them all at each write was its largest cost.
     */
    private final Map<Object, Object[]> touched = new LinkedHashMap<>();
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
    private final Map<RowColumn, Map<Object, List<Object>>> idsByValue = new HashMap<>();

    KeptRows(Class<R> type) {
        this.table = RowTable.of(type);
    }

    /** A new transaction: unless the rows stay in memory, they were written at the end of the last one. */
    void newTransaction(boolean inMemory) {
        warmKinds.clear();
        if (!inMemory) {
            // Written at the end of the last transaction: only what this one touches can change.
            touched.clear();
        }
    }

    /** The row, now in a projection's hands. */
    R touch(Object id, R row) {
        if (row != null && !made.contains(id)) {
            touched.computeIfAbsent(id, key -> table.state(row));
        }
        return row;
    }

    /** Those of {@code ids} that are neither kept nor known to have no row. */
    List<String> unknown(Collection<String> ids) {
        return ids.stream().filter(id -> !rows.containsKey(id) && !absent.contains(id)).toList();
    }

    /** Reads the rows of {@link #unknown} ids; those without one are known to be absent from now on. */
    void load(Connection connection, List<String> unknown) throws SQLException {
        for (R row : table.selectByIds(connection, unknown)) {
            rows.put(table.idOf(row), row);
        }
        unknown.stream().filter(id -> !rows.containsKey(id)).forEach(absent::add);
    }

    /** Rows a query found; one kept already stays as it is (it may have changed since it was read). */
    void keep(List<R> stored) {
        for (R row : stored) {
            rows.putIfAbsent(table.idOf(row), row);
        }
    }

    /** A new row, inserted at the next write. */
    void add(R row) {
        Object id = table.idOf(row);
        if (rows.putIfAbsent(id, row) != null) {
            throw new IllegalStateException(table.name + " already has a row " + id);
        }
        absent.remove(id);
        made.add(id);
        idsByValue.forEach((column, ids) -> ids.computeIfAbsent(column.get(row), value -> new ArrayList<>()).add(id));
    }

    /** The kept rows that {@code test} accepts, sorted by id. */
    List<R> matching(Predicate<R> test) {
        Map<Object, R> found = new TreeMap<>();
        rows.forEach((id, row) -> {
            if (test.test(row)) {
                found.put(id, touch(id, row));
            }
        });
        return new ArrayList<>(found.values());
    }

    /**
     * As {@link #matching(Predicate)}, among the rows whose {@code column} (one that never changes) holds
     * one of {@code values}: found by that column, not by testing each row.
     */
    List<R> matching(RowColumn column, Collection<?> values, Predicate<R> test) {
        Map<Object, List<Object>> index = idsByValue.get(column);
        if (index == null) {
            index = new HashMap<>();
            for (Map.Entry<Object, R> row : rows.entrySet()) {
                index.computeIfAbsent(column.get(row.getValue()), value -> new ArrayList<>()).add(row.getKey());
            }
            idsByValue.put(column, index);
        }
        Map<Object, R> found = new TreeMap<>();
        for (Object value : values) {
            for (Object id : index.getOrDefault(value, List.of())) {
                R row = rows.get(id);
                if (test.test(row)) {
                    found.put(id, touch(id, row));
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    /** Inserts the points of history kept so far. */
    void writeAppended(Connection connection) throws SQLException {
        if (!appended.isEmpty()) {
            table.insert(connection, appended);
            appended.clear();
        }
    }

    /** Inserts the new rows and updates the changed ones. */
    void write(Connection connection) throws SQLException {
        List<R> inserts = new ArrayList<>();
        made.forEach(id -> inserts.add(rows.get(id)));
        inserts.addAll(appended);
        List<R> updates = new ArrayList<>();
        List<Object[]> before = new ArrayList<>();
        touched.forEach((id, state) -> {
            R row = rows.get(id);
            if (table.changed(row, state)) {
                updates.add(row);
                before.add(state);
            }
        });
        if (!inserts.isEmpty()) {
            table.insert(connection, inserts);
        }
        if (!updates.isEmpty()) {
            table.update(connection, updates, before);
        }
        // What is stored now is what later changes in this transaction are compared with.
        made.forEach(id -> touched.put(id, table.state(rows.get(id))));
        updates.forEach(row -> touched.put(table.idOf(row), table.state(row)));
        made.clear();
        appended.clear();
    }
}
