package io.supplyline.command.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.inject.Singleton;

import org.axonframework.common.DateTimeUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.supplyline.command.envelope.CommandMetadata;

/** The event store and its audit trail, read for auditors in plain SQL on the command database. */
@Singleton
public class AuditLog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FROM = " FROM domainevententry e LEFT JOIN event_audit a ON a.event_id = e.eventidentifier";
    private static final String COLUMNS = "SELECT e.globalindex, e.aggregateidentifier, e.type, e.sequencenumber,"
            + " e.eventidentifier, e.payloadtype, e.payloadrevision, e.timestamp, e.payload, e.metadata,"
            + " a.previous_hash, a.hash";
    /** Rows fetched per round trip while streaming: memory stays bounded whatever the count. */
    private static final int FETCH_SIZE = 500;

    private final DataSource dataSource;

    AuditLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long count(AuditQuery query) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, "SELECT count(*)" + FROM + " WHERE " + query.where(), query);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count events", e);
        }
    }

    /**
     * One page of the matching events in the order they were stored: those after the global index
     * {@code after}, found through the primary key however deep into the store the page is.
     */
    public List<AuditedEvent> page(AuditQuery query, long after, int size) {
        List<AuditedEvent> events = new ArrayList<>();
        String sql = COLUMNS + FROM + " WHERE " + query.where() + " AND e.globalindex > ? ORDER BY e.globalindex"
                + " FETCH FIRST " + size + " ROWS ONLY";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, query)) {
            statement.setLong(query.parameters().size() + 1, after);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.add(event(rows));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read events", e);
        }
        return events;
    }

    /**
     * Every matching event in store order, handed over one at a time from a server-side cursor
     * (PostgreSQL streams only outside auto-commit), so the heap does not grow with the count.
     */
    public void forEach(AuditQuery query, Consumer<AuditedEvent> each) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement statement = prepare(connection,
                    COLUMNS + FROM + " WHERE " + query.where() + " ORDER BY e.globalindex", query)) {
                statement.setFetchSize(FETCH_SIZE);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        each.accept(event(rows));
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read events", e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, AuditQuery query) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        List<Object> parameters = query.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            statement.setObject(i + 1, value instanceof Instant instant
                    ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : value);
        }
        return statement;
    }

    private static AuditedEvent event(ResultSet row) throws SQLException {
        JsonNode metadata = json(row.getBytes("metadata"));
        String payloadType = row.getString("payloadtype");
        return new AuditedEvent(row.getLong("globalindex"), row.getString("aggregateidentifier"), row.getString("type"),
                row.getLong("sequencenumber"), row.getString("eventidentifier"),
                payloadType.substring(payloadType.lastIndexOf('.') + 1), row.getString("payloadrevision"),
                DateTimeUtils.parseInstant(row.getString("timestamp")),
                text(metadata, CommandMetadata.PRINCIPAL), text(metadata, CommandMetadata.CORRELATION_ID),
                text(metadata, CommandMetadata.CAUSATION_ID), text(metadata, CommandMetadata.COMMAND_NAME),
                text(metadata, CommandMetadata.IDEMPOTENCY_KEY), json(row.getBytes("payload")),
                row.getString("previous_hash"), row.getString("hash"));
    }

    private static String text(JsonNode metadata, String field) {
        JsonNode value = metadata.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return bytes == null ? JSON.createObjectNode() : JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("A stored event is not JSON", e);
        }
    }
}
