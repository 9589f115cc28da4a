package io.supplyline.command.idempotency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Singleton;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;

import io.supplyline.command.envelope.CommandMetadata;
import io.supplyline.command.jdbc.RowsOfBatch;
import io.supplyline.command.processors.ProcessorNames;
import io.supplyline.events.KeyedIds;

/**
 * Records the answer of every command that carried an Idempotency-Key, from its events, in the
 * same transaction that appends them: one row per key, written with one statement when the command's
 * events have all been handled (its answer is the version of its last event). A key already
 * recorded by another command, and not expired, fails here, so its events roll back and the caller
 * gets the first answer instead.
 */
@Singleton
@ProcessingGroup(ProcessorNames.LOOKUPS)
public class IdempotencyRecorder {

    private static final String ROWS = IdempotencyRecorder.class.getName() + ".rows";
    /**
     * Inserts the answer, or replaces an expired one; a live answer under the key stays and the
     * statement changes no row. PostgreSQL's upsert; the embedded database (H2) takes standard MERGE.
     */
    private static final String RECORD_POSTGRESQL = "INSERT INTO idempotent_request (principal, idempotency_key,"
            + " request_hash, command_id, aggregate_id, version, recorded_at, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (id) DO UPDATE SET principal = EXCLUDED.principal, idempotency_key = EXCLUDED.idempotency_key,"
            + " request_hash = EXCLUDED.request_hash, command_id = EXCLUDED.command_id,"
            + " aggregate_id = EXCLUDED.aggregate_id, version = EXCLUDED.version, recorded_at = EXCLUDED.recorded_at"
            + " WHERE idempotent_request.recorded_at < ?";
    private static final String RECORD_STANDARD = "MERGE INTO idempotent_request r"
            + " USING (SELECT CAST(? AS VARCHAR(100)) AS principal, CAST(? AS VARCHAR(200)) AS idempotency_key,"
            + " CAST(? AS VARCHAR(64)) AS request_hash, CAST(? AS VARCHAR(64)) AS command_id,"
            + " CAST(? AS VARCHAR(255)) AS aggregate_id, CAST(? AS BIGINT) AS version,"
            + " CAST(? AS TIMESTAMP WITH TIME ZONE) AS recorded_at, CAST(? AS VARCHAR(64)) AS id) a ON r.id = a.id"
            + " WHEN MATCHED AND r.recorded_at < ? THEN UPDATE SET principal = a.principal,"
            + " idempotency_key = a.idempotency_key, request_hash = a.request_hash, command_id = a.command_id,"
            + " aggregate_id = a.aggregate_id, version = a.version, recorded_at = a.recorded_at"
            + " WHEN NOT MATCHED THEN INSERT (id, principal, idempotency_key, request_hash, command_id, aggregate_id,"
            + " version, recorded_at) VALUES (a.id, a.principal, a.idempotency_key, a.request_hash, a.command_id,"
            + " a.aggregate_id, a.version, a.recorded_at)";

    /** A command's answer as its last event so far gives it. */
    private record Answer(String principal, String key, String requestHash, String commandId, String aggregateId,
                          long version, Instant recordedAt) {
    }

    private final IdempotencyRetention retention;
    private final DataSource dataSource;
    /** The statement for this database, chosen at first use. */
    private volatile String recordSql;

    IdempotencyRecorder(IdempotencyRetention retention, DataSource dataSource) {
        this.retention = retention;
        this.dataSource = dataSource;
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> event) {
        MetaData metadata = event.getMetaData();
        String key = (String) metadata.get(CommandMetadata.IDEMPOTENCY_KEY);
        if (key == null) {
            return;
        }
        String principal = (String) metadata.get(CommandMetadata.PRINCIPAL);
        String commandId = (String) metadata.get(CommandMetadata.CAUSATION_ID);
        Answer answer = new Answer(principal, key, (String) metadata.get(CommandMetadata.REQUEST_HASH), commandId,
                event.getAggregateIdentifier(), event.getSequenceNumber(), event.getTimestamp());
        // A process's transaction may carry several commands; a later event of the same command updates its answer.
        RowsOfBatch.<Map<String, Answer>>of(ROWS, LinkedHashMap::new, this::record)
                .merge(KeyedIds.keyId(principal, key), answer, (earlier, later) -> {
                    if (!earlier.commandId().equals(later.commandId())) {
                        throw new IllegalStateException("Idempotency key already answered by command " + earlier.commandId());
                    }
                    return later;
                });
    }

    private void record(Map<String, Answer> answers) {
        // An answer older than the retention is forgotten, even before the cleanup deletes it.
        OffsetDateTime cutoff = OffsetDateTime.ofInstant(retention.cutoff(), ZoneOffset.UTC);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(recordStatement(connection))) {
            for (Map.Entry<String, Answer> entry : answers.entrySet()) {
                Answer answer = entry.getValue();
                statement.setString(1, answer.principal());
                statement.setString(2, answer.key());
                statement.setString(3, answer.requestHash());
                statement.setString(4, answer.commandId());
                statement.setString(5, answer.aggregateId());
                statement.setLong(6, answer.version());
                statement.setObject(7, OffsetDateTime.ofInstant(answer.recordedAt(), ZoneOffset.UTC));
                statement.setString(8, entry.getKey());
                statement.setObject(9, cutoff);
                if (statement.executeUpdate() == 0) {
                    throw new IllegalStateException("Idempotency key already answered by another command");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the answers of " + answers.size() + " idempotent commands", e);
        }
    }

    private String recordStatement(Connection connection) throws SQLException {
        String known = recordSql;
        if (known == null) {
            known = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL") ? RECORD_POSTGRESQL : RECORD_STANDARD;
            recordSql = known;
        }
        return known;
    }
}
