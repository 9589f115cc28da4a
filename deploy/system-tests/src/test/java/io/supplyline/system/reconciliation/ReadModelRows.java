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
     * The rows, with what depends on the order in which events of different aggregates arrive reduced
     * to what does not: Kafka fixes that order only within a partition, and a replay may interleave them
     * differently. An alert's history (which event opened it first, with which figures) becomes which
     * alerts are open about what. An item's demand becomes its latest hour with orders: an order
     * stamped in an hour that has already closed, arriving after a later one, counts towards the
     * current hour, so the hourly figures differ when a day's orders straddle the hour.
     */
    public static Map<String, List<String>> independentOfArrivalOrder(Map<String, List<String>> rows) {
        Map<String, List<String>> result = new TreeMap<>(rows);
        result.put("alert", rows.get("alert").stream()
                .filter(row -> row.contains(" is_open=t "))
                .map(row -> row.replaceAll("^id=\\S+ (type=\\S+) is_open=t (subject=\\S+) .*$", "$1 $2"))
                .sorted().toList());
        result.put("alert_demand", rows.get("alert_demand").stream()
                .map(row -> row.replaceAll("^(id=\\S+ current_hour=\\S+ \\S+) .*$", "$1"))
                .sorted().toList());
        return result;
    }

    /** Table name -> its rows, each "column=value ..." in column order, sorted. */
    public static Map<String, List<String>> of(Connection readModels) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement query = readModels.createStatement(); ResultSet row = query.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                        + " AND table_type = 'BASE TABLE' AND table_name NOT IN"
                        + " ('flyway_schema_history', 'tokenentry', 'deadletterentry', 'projection_position')")) {
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
                            // How often a row was written depends on how events fell into batches.
                            if (!columns.getColumnName(i).equals("row_version")) {
                                line.append(columns.getColumnName(i)).append('=').append(row.getString(i)).append(' ');
                            }
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
