package io.supplyline.query.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.persistence.OptimisticLockException;

/**
 * How the rows of one table ({@link RowTable}) are written: on PostgreSQL new rows with {@code COPY} and
 * changed rows with one update joined with arrays of their values (the same statement text whatever the
 * number of rows, so the driver prepares it once), elsewhere multi-row inserts and a JDBC batch of
 * updates; the update checks {@code @Version} where the entity has one.
 */
final class RowWrites<R> {

    /** Rows per multi-row insert (where there is no {@code COPY}): at most 65,535 parameters a statement. */
    private static final int ROWS_PER_INSERT = 500;

    private final String name;
    private final RowColumn id;
    private final RowColumn version;
    private final List<RowColumn> columns;
    private final List<RowColumn> settable;
    private final RowLines lines;
    private final String columnNames;
    private final String update;
    /** On PostgreSQL: every changed row in one statement, joined with arrays of the new values. */
    private final String updateFromArrays;

    RowWrites(String name, RowColumn id, RowColumn version, List<RowColumn> columns, List<RowColumn> settable,
              RowLines lines, String columnNames) {
        this.name = name;
        this.id = id;
        this.version = version;
        this.columns = columns;
        this.settable = settable;
        this.lines = lines;
        this.columnNames = columnNames;
        List<RowColumn> set = settable;
        this.update = "UPDATE " + name + " SET " + set.stream().map(column -> column.name + " = ?")
                .collect(Collectors.joining(", ")) + (version == null ? "" : ", " + version.name + " = ?")
                + " WHERE " + id.name + " = ?" + (version == null ? "" : " AND " + version.name + " = ?");
        this.updateFromArrays = "UPDATE " + name + " AS t SET " + set.stream().map(column -> column.name + " = v." + column.name)
                .collect(Collectors.joining(", "))
                + (version == null ? "" : ", " + version.name + " = v." + version.name + " + 1")
                + " FROM unnest(" + columns.stream().map(column -> "CAST(? AS " + column.sqlTypeName() + "[])")
                .collect(Collectors.joining(", ")) + ") AS v (" + columnNames + ")"
                + " WHERE t." + id.name + " = v." + id.name
                + (version == null ? "" : " AND t." + version.name + " = v." + version.name);
    }

    void insert(Connection connection, List<R> rows) throws SQLException {
        if (RowTable.postgres(connection)) {
            try (CopyRows copy = new CopyRows(connection, name, columnNames)) {
                for (R row : rows) {
                    for (RowColumn column : columns) {
                        copy.value(column.get(row));
                    }
                    copy.endLine();
                }
                copy.finish();
            }
        } else {
            insertValues(connection, rows);
        }
        if (lines != null) {
            lines.insert(connection, rows, id);
        }
    }

    private void insertValues(Connection connection, List<R> rows) throws SQLException {
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<R> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            String row = "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + name + " ("
                    + columnNames + ") VALUES "
                    + String.join(", ", Collections.nCopies(chunk.size(), row)))) {
                int index = 1;
                for (R each : chunk) {
                    for (RowColumn column : columns) {
                        column.bind(insert, index++, column.get(each));
                    }
                }
                insert.executeUpdate();
            }
        }
    }

    /**
     * Writes the changed rows; a versioned row another writer changed since it was read fails the whole
     * transaction ({@link OptimisticLockException}), whose batch is then read again. On PostgreSQL all the
     * rows go in one statement, elsewhere as a JDBC batch.
     */
    void update(Connection connection, List<R> rows, List<Object[]> before) throws SQLException {
        if (RowTable.postgres(connection)) {
            updateFromArrays(connection, rows);
        } else {
            updateEach(connection, rows);
        }
        if (version != null) {
            rows.forEach(row -> version.set(row, (Long) version.get(row) + 1));
        }
        if (lines != null) {
            List<R> linesChanged = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (!lines.copy(rows.get(i)).equals(before.get(i)[columns.size()])) {
                    linesChanged.add(rows.get(i));
                }
            }
            lines.replace(connection, linesChanged, id);
        }
    }

    private void updateFromArrays(Connection connection, List<R> rows) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(updateFromArrays)) {
            String[] values = new String[rows.size()];
            for (int c = 0; c < columns.size(); c++) {
                RowColumn column = columns.get(c);
                for (int r = 0; r < values.length; r++) {
                    values[r] = PostgresText.text(column.get(rows.get(r)));
                }
                update.setArray(c + 1, connection.createArrayOf("text", values));
            }
            if (update.executeUpdate() != rows.size()) {
                throw new OptimisticLockException("A row of " + name + " was changed by another writer");
            }
        }
    }

    private void updateEach(Connection connection, List<R> rows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(update)) {
            for (R row : rows) {
                int index = 1;
                for (RowColumn column : settable) {
                    column.bind(statement, index++, column.get(row));
                }
                if (version != null) {
                    statement.setLong(index++, (Long) version.get(row) + 1);
                }
                id.bind(statement, index++, id.get(row));
                if (version != null) {
                    statement.setLong(index, (Long) version.get(row));
                }
                statement.addBatch();
            }
            int[] counts = statement.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    throw new OptimisticLockException(name + " row " + id.get(rows.get(i)) + " was changed by another writer");
                }
            }
        }
    }
}
