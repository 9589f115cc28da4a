package io.supplyline.query.projection;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

/**
 * How the projection engine reads and writes the rows of one read-model entity with plain SQL: its
 * columns, rows by a condition in one query, and what a row holds (to tell whether it changed); writing
 * is {@link RowWrites}. The mapping is the entity's own JPA annotations, so the query API reads the same
 * rows through Hibernate.
 */
final class RowTable<R> {

    private static final Map<Class<?>, RowTable<?>> TABLES = new ConcurrentHashMap<>();

    final Class<R> type;
    final String name;
    private final RowColumn id;
    private final RowColumn version;
    /** Every column, the id first; the version (if any) among them. */
    private final List<RowColumn> columns = new ArrayList<>();
    /** The columns an update sets: all but the id and the version. */
    private final List<RowColumn> settable;
    private final RowLines lines;
    private final String select;
    /** Column names, comma-separated, the id first. */
    private final String columnNames;
    private final RowWrites<R> writes;

    @SuppressWarnings("unchecked")
    static <R> RowTable<R> of(Class<R> type) {
        return (RowTable<R>) TABLES.computeIfAbsent(type, RowTable::new);
    }

    private RowTable(Class<R> type) {
        this.type = type;
        this.name = type.getAnnotation(Table.class).name();
        RowColumn idColumn = null;
        RowColumn versionColumn = null;
        RowLines elementLines = null;
        List<RowColumn> others = new ArrayList<>();
        for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()
                        || field.getName().startsWith("$$_hibernate") || field.isAnnotationPresent(Transient.class)) {
                    continue;
                }
                field.setAccessible(true);
                if (field.isAnnotationPresent(ElementCollection.class)) {
                    elementLines = new RowLines(field);
                    continue;
                }
                RowColumn column = new RowColumn(field);
                if (field.isAnnotationPresent(Id.class)) {
                    idColumn = column;
                } else {
                    if (field.isAnnotationPresent(Version.class)) {
                        versionColumn = column;
                    }
                    others.add(column);
                }
            }
        }
        if (idColumn == null) {
            throw new IllegalArgumentException(type + " has no @Id field");
        }
        this.id = idColumn;
        this.version = versionColumn;
        this.lines = elementLines;
        columns.add(idColumn);
        columns.addAll(others);
        this.columnNames = columns.stream().map(column -> column.name).collect(Collectors.joining(", "));
        this.select = "SELECT " + columnNames + " FROM " + name + " WHERE ";
        this.settable = others.stream().filter(column -> column != version).toList();
        this.writes = new RowWrites<>(name, id, version, columns, settable, lines, columnNames);
    }

    Object idOf(Object row) {
        return id.get(row);
    }

    /** The column that holds a field, for conditions on it. */
    RowColumn columnOf(String field) {
        return columns.stream().filter(column -> column.field.getName().equals(field)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(type.getSimpleName() + " has no column for " + field));
    }

    /**
     * The rows with these ids. On PostgreSQL through a join with the ids, which the primary key answers
     * one by one: {@code id = ANY(?)} as a prepared (generic) plan compares every row with every id when
     * the table has no statistics yet, as a rebuild's fresh tables have not (50 ms a batch at 10,000 rows).
     */
    List<R> selectByIds(Connection connection, Collection<String> ids) throws SQLException {
        if (postgres(connection)) {
            return select(connection, id.name + " IN (SELECT unnest(CAST(? AS varchar[])))", ids);
        }
        return select(connection, id.name + " = ANY(?)", ids);
    }

    /**
     * The rows that meet {@code condition} (SQL on column names); a parameter that is a collection binds
     * as an array, for {@code column = ANY(?)}.
     */
    List<R> select(Connection connection, String condition, Object... parameters) throws SQLException {
        List<R> found = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(select + condition)) {
            for (int i = 0; i < parameters.length; i++) {
                Object parameter = parameters[i];
                if (parameter instanceof Collection<?> values) {
                    query.setArray(i + 1, connection.createArrayOf("varchar", values.toArray()));
                } else {
                    query.setObject(i + 1, parameter);
                }
            }
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    R row = newRow();
                    for (int i = 0; i < columns.size(); i++) {
                        columns.get(i).read(result, i + 1, row);
                    }
                    found.add(row);
                }
            }
        }
        if (lines != null && !found.isEmpty()) {
            lines.load(connection, found, id);
        }
        return found;
    }

    static boolean postgres(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
    }


    private R newRow() {
        try {
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type + " needs a constructor without parameters", e);
        }
    }

    /** What the row holds now, to tell later whether it changed. */
    Object[] state(R row) {
        Object[] state = new Object[columns.size() + (lines == null ? 0 : 1)];
        for (int i = 0; i < columns.size(); i++) {
            state[i] = columns.get(i).get(row);
        }
        if (lines != null) {
            state[columns.size()] = lines.copy(row);
        }
        return state;
    }

    boolean changed(R row, Object[] before) {
        return !Arrays.equals(state(row), before);
    }

    void insert(Connection connection, List<R> rows) throws SQLException {
        writes.insert(connection, rows);
    }

    /** See {@link RowWrites#update}. */
    void update(Connection connection, List<R> rows, List<Object[]> before) throws SQLException {
        writes.update(connection, rows, before);
    }
}
