package io.supplyline.command.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Rows written with plain JDBC batches on the connection of the current transaction: one round trip per
 * statement text, and none of the ORM's per-entity bookkeeping at flush time (the command path writes
 * rows it never reads back in the same transaction).
 */
public final class Batches {

    /** Sets one row's parameters. */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(PreparedStatement statement, T value) throws SQLException;
    }

    private Batches() {
    }

    /** Runs {@code sql} once per value, as one batch; nothing for no values. */
    public static <T> int[] run(Connection connection, String sql, Collection<T> values, Binder<T> binder)
            throws SQLException {
        if (values.isEmpty()) {
            return new int[0];
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (T value : values) {
                binder.bind(statement, value);
                statement.addBatch();
            }
            return statement.executeBatch();
        }
    }
}
