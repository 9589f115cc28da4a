package io.supplyline.system.reconciliation;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One event as stored in the command side's event store, read as plain JSON (not the event classes). */
record StoredEvent(String aggregateId, long sequence, String type, Instant timestamp, JsonNode payload) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every stored event, in the order of the store's global index. */
    static List<StoredEvent> readAll(Connection store) throws SQLException {
        List<StoredEvent> events = new ArrayList<>();
        try (Statement query = store.createStatement(); ResultSet rows = query.executeQuery(
                "SELECT aggregateidentifier, sequencenumber, payloadtype, timestamp, payload"
                        + " FROM domainevententry ORDER BY globalindex")) {
            while (rows.next()) {
                String type = rows.getString(3);
                events.add(new StoredEvent(rows.getString(1), rows.getLong(2), type.substring(type.lastIndexOf('.') + 1),
                        Instant.parse(rows.getString(4)), json(rows.getBytes(5))));
            }
        }
        return events;
    }

    /** A field of the payload as text (value objects are plain JSON strings and numbers). */
    String text(String field) {
        return payload.get(field).asText();
    }

    long number(String field) {
        return payload.get(field).asLong();
    }

    private static JsonNode json(byte[] payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
