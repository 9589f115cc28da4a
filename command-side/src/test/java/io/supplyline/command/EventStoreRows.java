package io.supplyline.command;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/** Reads the event store table directly, to prove what a command did or did not append. */
@ApplicationScoped
public class EventStoreRows {

    private final DataSource dataSource;

    EventStoreRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long count(String aggregateId) {
        return eventIds(aggregateId).size();
    }

    /** Every event the store holds. */
    public long total() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM domainevententry");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many aggregates of a type (Axon's aggregate type name, such as SalesOrder) the store holds. */
    public long aggregates(String aggregateType) {
        String sql = "SELECT count(*) FROM domainevententry WHERE type = ? AND sequencenumber = 0";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, aggregateType);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stores an event row as an earlier version of the system wrote it, bypassing today's code. */
    public void insertRaw(String aggregateType, String aggregateId, long sequence, String payloadType,
                          String revision, String jsonPayload) {
        String sql = "INSERT INTO domainevententry (eventidentifier, aggregateidentifier, sequencenumber, type, "
                + "timestamp, payloadtype, payloadrevision, payload, metadata) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, UUID.randomUUID().toString());
            statement.setString(2, aggregateId);
            statement.setLong(3, sequence);
            statement.setString(4, aggregateType);
            statement.setString(5, Instant.now().toString());
            statement.setString(6, payloadType);
            statement.setString(7, revision);
            statement.setBytes(8, jsonPayload.getBytes(StandardCharsets.UTF_8));
            statement.setBytes(9, "{\"principal\":\"legacy\"}".getBytes(StandardCharsets.UTF_8));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Changes the command database behind the service's back, as someone with database access could. */
    public int tamper(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long snapshotCount(String aggregateId) {
        String sql = "SELECT COUNT(*) FROM snapshotevententry WHERE aggregateidentifier = ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, aggregateId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The aggregate's event ids in sequence order. */
    public List<String> eventIds(String aggregateId) {
        return column("eventidentifier", aggregateId, rows -> rows.getString(1));
    }

    /** The simple names of the aggregate's event types in sequence order, such as {@code OrderAllocated}. */
    public List<String> eventTypes(String aggregateId) {
        return column("payloadtype", aggregateId, rows -> rows.getString(1)).stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1))
                .toList();
    }

    /** The aggregate's event payloads as JSON in sequence order. */
    public List<String> payloads(String aggregateId) {
        return column("payload", aggregateId, rows -> new String(rows.getBytes(1), StandardCharsets.UTF_8));
    }

    /** The aggregate's event metadata as JSON in sequence order. */
    public List<String> metadata(String aggregateId) {
        return column("metadata", aggregateId, rows -> new String(rows.getBytes(1), StandardCharsets.UTF_8));
    }

    private interface ColumnReader {
        String read(ResultSet rows) throws SQLException;
    }

    private List<String> column(String column, String aggregateId, ColumnReader reader) {
        String sql = "SELECT " + column + " FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, aggregateId);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(reader.read(rows));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
