package io.supplyline.query.projection;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.MapKeyColumn;

/**
 * A row's map of lines kept in a table of their own ({@code @ElementCollection} of a
 * {@code Map<String, Long>}, such as what a purchase order still brings per SKU): loaded for all the
 * rows of a query at once, inserted with new rows, replaced for rows whose lines changed.
 */
final class RowLines {

    private static final int LINES_PER_INSERT = 1000;

    private final Field field;
    private final String table;
    private final String owner;
    private final String key;
    private final String value;

    RowLines(Field field) {
        if (field.getType() != Map.class) {
            throw new IllegalArgumentException(field + ": only a Map<String, Long> is supported as an element collection");
        }
        CollectionTable collection = field.getAnnotation(CollectionTable.class);
        this.field = field;
        this.table = collection.name();
        this.owner = collection.joinColumns()[0].name();
        this.key = field.getAnnotation(MapKeyColumn.class).name();
        this.value = field.getAnnotation(Column.class).name();
    }

    @SuppressWarnings("unchecked")
    Map<String, Long> of(Object row) {
        try {
            return (Map<String, Long>) field.get(row);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, Long> copy(Object row) {
        return new HashMap<>(of(row));
    }

    void load(Connection connection, List<?> rows, RowColumn id) throws SQLException {
        Map<Object, Object> byId = new HashMap<>();
        rows.forEach(row -> byId.put(id.get(row), row));
        try (PreparedStatement query = connection.prepareStatement("SELECT " + owner + ", " + key + ", " + value
                + " FROM " + table + " WHERE " + owner + " = ANY(?)")) {
            query.setArray(1, connection.createArrayOf("varchar", byId.keySet().toArray()));
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    of(byId.get(result.getString(1))).put(result.getString(2), result.getLong(3));
                }
            }
        }
    }

    /** All the rows' lines: copied on PostgreSQL, elsewhere a thousand to a statement. */
    void insert(Connection connection, List<?> rows, RowColumn id) throws SQLException {
        if (RowTable.postgres(connection)) {
            try (CopyRows copy = new CopyRows(connection, table, owner + ", " + key + ", " + value)) {
                for (Object row : rows) {
                    for (Map.Entry<String, Long> line : of(row).entrySet()) {
                        copy.value(id.get(row)).value(line.getKey()).value(line.getValue()).endLine();
                    }
                }
                copy.finish();
            }
            return;
        }
        List<Object[]> all = new ArrayList<>();
        for (Object row : rows) {
            of(row).forEach((sku, left) -> all.add(new Object[] {id.get(row), sku, left}));
        }
        for (int from = 0; from < all.size(); from += LINES_PER_INSERT) {
            List<Object[]> chunk = all.subList(from, Math.min(all.size(), from + LINES_PER_INSERT));
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (" + owner + ", "
                    + key + ", " + value + ") VALUES " + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?)")))) {
                int index = 1;
                for (Object[] line : chunk) {
                    insert.setObject(index++, line[0]);
                    insert.setString(index++, (String) line[1]);
                    insert.setLong(index++, (Long) line[2]);
                }
                insert.executeUpdate();
            }
        }
    }

    void replace(Connection connection, List<?> rows, RowColumn id) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE " + owner + " = ANY(?)")) {
            delete.setArray(1, connection.createArrayOf("varchar", rows.stream().map(id::get).toArray()));
            delete.executeUpdate();
        }
        insert(connection, rows, id);
    }
}
