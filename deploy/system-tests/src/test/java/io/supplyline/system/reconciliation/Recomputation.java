package io.supplyline.system.reconciliation;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/**
 * One read model recomputed from the stored events by code of its own (not the projection's), and
 * the same figures read from the query database. Both sides are {@code key -> "field=value ..."}, so
 * that they compare with one equality and a difference names the row.
 */
interface Recomputation {

    /** Takes the next stored event, in the store's order. */
    void apply(StoredEvent event);

    /** What the read model must hold after every event applied. */
    Map<String, String> expected();

    /** What the read model holds. */
    Map<String, String> actual(Connection readModels) throws SQLException;

    /** Describes one row of a query's result. */
    @FunctionalInterface
    interface Row {
        String describe(ResultSet row) throws SQLException;
    }

    /** The rows of {@code sql}, keyed by their first column. */
    static Map<String, String> rows(Connection db, String sql, Row row) throws SQLException {
        Map<String, String> rows = new TreeMap<>();
        try (Statement query = db.createStatement(); ResultSet result = query.executeQuery(sql)) {
            while (result.next()) {
                rows.put(result.getString(1), row.describe(result));
            }
        }
        return rows;
    }
}
