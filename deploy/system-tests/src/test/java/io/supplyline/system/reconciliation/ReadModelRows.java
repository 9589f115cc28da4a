package io.supplyline.system.reconciliation;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every row of every read-model table, as text, to compare read models row by row (before and after a rebuild). */
public final class ReadModelRows {

    private ReadModelRows() {
    }

    /**
     * The rows, with the alerts reduced to which are open about what. An alert's history (which event
     * opened it first, with which figures) depends on the order events of different aggregates arrive
     * in, which Kafka fixes only within a partition: a replay may interleave them differently.
     */
    public static Map<String, List<String>> independentOfArrivalOrder(Map<String, List<String>> rows) {
        Map<String, List<String>> result = new TreeMap<>(rows);
        result.put("alert", rows.get("alert").stream()
                .filter(row -> row.contains(" is_open=t "))
                .map(row -> row.replaceAll("^id=\\S+ (type=\\S+) is_open=t (subject=\\S+) .*$", "$1 $2"))
                .sorted().toList());
        return result;
    }

    /** Table name -> its rows, each "column=value ..." in column order, sorted. */
    public static Map<String, List<String>> of(Connection readModels) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement query = readModels.createStatement(); ResultSet row = query.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                        + " AND table_type = 'BASE TABLE' AND table_name NOT IN ('flyway_schema_history', 'tokenentry', 'deadletterentry')")) {
            while (row.next()) {
                tables.add(row.getString(1));
            }
        }
        Map<String, List<String>> rows = new TreeMap<>();
        try (Statement query = readModels.createStatement()) {
            for (String table : tables) {
                List<String> lines = new ArrayList<>();
                try (ResultSet row = query.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData columns = row.getMetaData();
                    while (row.next()) {
                        StringBuilder line = new StringBuilder();
                        for (int i = 1; i <= columns.getColumnCount(); i++) {
                            line.append(columns.getColumnName(i)).append('=').append(row.getString(i)).append(' ');
                        }
                        lines.add(line.toString());
                    }
                }
                Collections.sort(lines);
                rows.put(table, lines);
            }
        }
        return rows;
    }
}
