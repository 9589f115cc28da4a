package io.supplyline.command.idempotency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Function;

import javax.sql.DataSource;

import jakarta.inject.Singleton;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.supplyline.command.envelope.CommandAccepted;
import io.supplyline.command.envelope.CommandMetadata;
import io.supplyline.command.retry.ConflictRetry;
import io.supplyline.command.rules.BusinessRuleViolation;
import io.supplyline.command.rules.ExpectedVersion;
import io.supplyline.events.KeyedIds;
import io.supplyline.events.axon.EventSerializer;

/**
 * Sends a command at most once per caller and key: a request already answered gets that first
 * answer and appends nothing, also while the first one is still racing it. HTTP clients use it
 * through the Idempotency-Key header; processes that react to events use it with keys derived from
 * the event, so a redelivered event changes nothing.
 */
@Singleton
public class IdempotentCommands {

    private static final ObjectMapper COMMAND_JSON = EventSerializer.objectMapper();

    private final CommandGateway gateway;
    private final IdempotencyRetention retention;
    private final DataSource dataSource;

    IdempotentCommands(CommandGateway gateway, IdempotencyRetention retention, DataSource dataSource) {
        this.gateway = gateway;
        this.retention = retention;
        this.dataSource = dataSource;
    }

    /**
     * @param metadata must carry the principal; the key is scoped to it
     * @param accepted turns the command handler's result into the answer
     */
    public CommandAccepted send(Object command, MetaData metadata, String key,
                                Function<Object, CommandAccepted> accepted) {
        String principal = (String) metadata.get(CommandMetadata.PRINCIPAL);
        String requestHash = requestHash(command, metadata.get(ExpectedVersion.METADATA_KEY));
        Optional<CommandAccepted> first = firstAnswer(principal, key, requestHash);
        if (first.isPresent()) {
            return first.get();
        }
        try {
            Object result = ConflictRetry.sendAndWait(gateway, GenericCommandMessage.asCommandMessage(command).withMetaData(metadata
                    .and(CommandMetadata.IDEMPOTENCY_KEY, key)
                    .and(CommandMetadata.REQUEST_HASH, requestHash)));
            return accepted.apply(result);
        } catch (RuntimeException failure) {
            // A concurrent request with the same key may have recorded its answer first.
            return firstAnswer(principal, key, requestHash).orElseThrow(() -> failure);
        }
    }

    /**
     * The answer the first request with this key got, if it succeeded; the same key with a
     * different request is refused (HTTP 422). Read as committed, outside any transaction the caller
     * is in (a process's), with one statement on an autocommit connection.
     */
    private Optional<CommandAccepted> firstAnswer(String principal, String key, String requestHash) {
        Optional<FirstAnswer> first = QuarkusTransaction.suspendingExisting()
                .call(() -> recorded(KeyedIds.keyId(principal, key)))
                .filter(request -> !request.recordedAt().isBefore(retention.cutoff()));
        first.filter(request -> !request.requestHash().equals(requestHash)).ifPresent(request -> {
            throw new BusinessRuleViolation("IDEMPOTENCY_KEY_REUSED",
                    "Idempotency-Key " + key + " was already used for a different request");
        });
        return first.map(request -> new CommandAccepted(request.aggregateId(), request.version()));
    }

    private record FirstAnswer(String requestHash, String aggregateId, long version, Instant recordedAt) {
    }

    private Optional<FirstAnswer> recorded(String id) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT request_hash, aggregate_id, version, recorded_at FROM idempotent_request WHERE id = ?")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(new FirstAnswer(row.getString(1), row.getString(2), row.getLong(3),
                        row.getObject(4, OffsetDateTime.class).toInstant())) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the answers to Idempotency-Keys", e);
        }
    }

    /** Fingerprint of what a command asks: its type, its content and the version it expects. */
    private static String requestHash(Object command, Object expectedVersion) {
        try {
            return KeyedIds.sha256(command.getClass().getName() + "\n"
                    + COMMAND_JSON.writeValueAsString(command) + "\n" + expectedVersion);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Commands are records of JSON-friendly values", e);
        }
    }
}
