package io.supplyline.command.lookup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.inject.Singleton;

/**
 * The lookup tables read and written with single statements on the connection of the current
 * transaction: the command path asks one row or changes one row at a time and never needs an ORM's
 * session (whose flush would check every row it had read).
 */
@Singleton
public class LookupRows {

    /** Reads a row's columns. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final DataSource dataSource;

    LookupRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs an insert or update; answers how many rows it changed. */
    int change(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot change a lookup row: " + sql, e);
        }
    }

    /** The first row the query finds, read by {@code reader}. */
    <T> Optional<T> first(String sql, RowReader<T> reader, Object... parameters) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            bind(query, parameters);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(reader.read(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read a lookup row: " + sql, e);
        }
    }

    /** Every row the query finds, read by {@code reader}. */
    <T> List<T> all(String sql, RowReader<T> reader, Object... parameters) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            bind(query, parameters);
            try (ResultSet row = query.executeQuery()) {
                List<T> found = new ArrayList<>();
                while (row.next()) {
                    found.add(reader.read(row));
                }
                return found;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read lookup rows: " + sql, e);
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }
}
