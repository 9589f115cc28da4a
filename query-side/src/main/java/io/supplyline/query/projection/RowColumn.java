package io.supplyline.query.projection;

import java.lang.reflect.Field;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * One column of a read-model row: the entity's public field, named as Hibernate names it (the field's
 * {@code @Column} name, else its camel case in snake case), read and bound by its Java type.
 */
final class RowColumn {

    /** The JDBC type of a null, by the field's type; strings and enums are text. */
    private static final Map<Class<?>, Integer> SQL_TYPES = Map.of(Instant.class, Types.TIMESTAMP_WITH_TIMEZONE,
            LocalDate.class, Types.DATE, Long.class, Types.BIGINT, Integer.class, Types.INTEGER, Double.class,
            Types.DOUBLE, Boolean.class, Types.BOOLEAN);

    final Field field;
    final String name;
    private final Class<?> type;

    RowColumn(Field field) {
        this.field = field;
        this.type = field.getType();
        Column column = field.getAnnotation(Column.class);
        this.name = column != null && !column.name().isEmpty() ? column.name() : snakeCase(field.getName());
        Enumerated enumerated = field.getAnnotation(Enumerated.class);
        if (type.isEnum() && (enumerated == null || enumerated.value() != EnumType.STRING)) {
            throw new IllegalArgumentException(field + ": read-model enums are stored by name (@Enumerated(STRING))");
        }
        if (!supported(type)) {
            throw new IllegalArgumentException(field + ": no column mapping for " + type.getName());
        }
    }

    private static boolean supported(Class<?> type) {
        return type.isEnum() || type.isPrimitive() || type == String.class || type == Long.class || type == Integer.class
                || type == Double.class || type == Boolean.class || type == Instant.class || type == LocalDate.class;
    }

    static String snakeCase(String camel) {
        StringBuilder name = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                name.append('_').append(Character.toLowerCase(c));
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }

    Object get(Object row) {
        try {
            return field.get(row);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    void set(Object row, Object value) {
        try {
            field.set(row, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the column at {@code index} of the result into the row's field. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void read(ResultSet result, int index, Object row) throws SQLException {
        Object value;
        if (type == String.class) {
            value = result.getString(index);
        } else if (type == Instant.class) {
            OffsetDateTime at = result.getObject(index, OffsetDateTime.class);
            value = at == null ? null : at.toInstant();
        } else if (type == LocalDate.class) {
            value = result.getObject(index, LocalDate.class);
        } else if (type.isEnum()) {
            String constant = result.getString(index);
            value = constant == null ? null : Enum.valueOf((Class<Enum>) type, constant);
        } else if (type == long.class || type == Long.class) {
            value = result.getLong(index);
        } else if (type == int.class || type == Integer.class) {
            value = result.getInt(index);
        } else if (type == double.class || type == Double.class) {
            value = result.getDouble(index);
        } else {
            value = result.getBoolean(index);
        }
        if (result.wasNull()) {
            value = null;
        }
        if (value != null || !type.isPrimitive()) {
            set(row, value);
        }
    }

    /**
     * The parameter as PostgreSQL needs it in a list of values: the driver sends times without a type,
     * and a column of such values would be text.
     */
    String typedParameter() {
        if (type == Instant.class) {
            return "CAST(? AS timestamptz)";
        }
        return type == LocalDate.class ? "CAST(? AS date)" : "?";
    }

    /** The column's type in SQL, for an array of its values. */
    String sqlTypeName() {
        if (type == long.class || type == Long.class) {
            return "bigint";
        } else if (type == int.class || type == Integer.class) {
            return "integer";
        } else if (type == double.class || type == Double.class) {
            return "float8";
        } else if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        } else if (type == Instant.class) {
            return "timestamptz";
        }
        return type == LocalDate.class ? "date" : "varchar";
    }

    /** Binds {@code value} (as {@link #get} returned it) to parameter {@code index}. */
    void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, sqlType());
        } else if (value instanceof Instant at) {
            statement.setObject(index, at.atOffset(ZoneOffset.UTC));
        } else if (value instanceof Enum<?> constant) {
            statement.setString(index, constant.name());
        } else {
            statement.setObject(index, value);
        }
    }

    private int sqlType() {
        return SQL_TYPES.getOrDefault(type, Types.VARCHAR);
    }
}
