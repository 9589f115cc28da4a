package io.supplyline.command.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import io.supplyline.command.envelope.CommandMetadata;
import io.supplyline.command.jdbc.Batches;
import io.supplyline.command.jdbc.RowsOfBatch;
import io.supplyline.command.processors.ProcessorNames;

/**
 * Records each event's audit row as it is appended, in the same transaction: an event is stored
 * with its hash or not at all. The hash covers the very bytes the event store writes (the message
 * serializes its payload and metadata once, for both), chained to the aggregate's previous event.
 * A command's rows go to the database as one batch.
 */
@ProcessingGroup(ProcessorNames.LOOKUPS)
public class AuditTrail {

    private static final int REMEMBERED_CHAINS = 10_000;
    private static final String APPENDING = AuditTrail.class.getName() + ".appending";
    private static final String ROWS = AuditTrail.class.getName() + ".rows";
    private static final String INSERT = "INSERT INTO event_audit (event_id, aggregate_id, sequence_number, event_type,"
            + " occurred_at, principal, correlation_id, command_name, previous_hash, hash)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Serializer serializer;
    private final DataSource dataSource;
    /**
     * The committed head of recently appended chains, so the next event of a busy aggregate needs no
     * query for its predecessor's hash. A head is used only when it is exactly the predecessor (its
     * sequence is one less): with several instances sharing the store, an aggregate appended
     * elsewhere since simply misses here and is read from the database.
     */
    private final Map<String, ChainHead> heads = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, ChainHead> eldest) {
                    return size() > REMEMBERED_CHAINS;
                }
            });

    private record ChainHead(long sequence, String hash) {
    }

    /** One stored event's place in its aggregate's hash chain, and the fields auditors search by. */
    private record AuditRow(String eventId, String aggregateId, long sequenceNumber, String eventType, Instant occurredAt,
                            String principal, String correlationId, String commandName, String previousHash, String hash) {
    }

    public AuditTrail(Serializer serializer, DataSource dataSource) {
        this.serializer = serializer;
        this.dataSource = dataSource;
    }

    @EventHandler
    void on(Object event, DomainEventMessage<?> message) {
        SerializedObject<byte[]> payload = message.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> metadata = message.serializeMetaData(serializer, byte[].class);
        String aggregateId = message.getAggregateIdentifier();
        long sequence = message.getSequenceNumber();
        Map<String, ChainHead> appending = appending();
        String previousHash = Optional.ofNullable(appending.get(aggregateId))
                .or(() -> Optional.ofNullable(heads.get(aggregateId)))
                .filter(head -> head.sequence() == sequence - 1)
                .map(ChainHead::hash)
                .orElseGet(() -> previousHash(aggregateId, sequence));
        String hash = EventHash.of(previousHash, aggregateId, sequence, message.getIdentifier(),
                payload.getType().getName(), payload.getType().getRevision(), message.getTimestamp(),
                payload.getData(), metadata.getData());
        MetaData meta = message.getMetaData();
        AuditRow row = new AuditRow(message.getIdentifier(), aggregateId, sequence, event.getClass().getSimpleName(),
                message.getTimestamp(), (String) meta.get(CommandMetadata.PRINCIPAL),
                (String) meta.get(CommandMetadata.CORRELATION_ID), (String) meta.get(CommandMetadata.COMMAND_NAME),
                previousHash, hash);
        RowsOfBatch.<List<AuditRow>>of(ROWS, ArrayList::new, this::insert).add(row);
        appending.put(aggregateId, new ChainHead(sequence, hash));
    }

    /** The chain heads this transaction appends; they become the remembered heads once it commits. */
    private Map<String, ChainHead> appending() {
        UnitOfWork<?> transaction = CurrentUnitOfWork.get().root();
        return transaction.getOrComputeResource(APPENDING, key -> {
            Map<String, ChainHead> appended = new HashMap<>();
            transaction.afterCommit(committed -> heads.putAll(appended));
            return appended;
        });
    }

    private void insert(List<AuditRow> rows) {
        try (Connection connection = dataSource.getConnection()) {
            Batches.run(connection, INSERT, rows, (statement, row) -> {
                statement.setString(1, row.eventId());
                statement.setString(2, row.aggregateId());
                statement.setLong(3, row.sequenceNumber());
                statement.setString(4, row.eventType());
                statement.setObject(5, OffsetDateTime.ofInstant(row.occurredAt(), ZoneOffset.UTC));
                statement.setString(6, row.principal());
                statement.setString(7, row.correlationId());
                statement.setString(8, row.commandName());
                statement.setString(9, row.previousHash());
                statement.setString(10, row.hash());
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write the audit rows of " + rows.size() + " events", e);
        }
    }

    /**
     * The hash of the aggregate's previous event; for an event after one the trail never recorded
     * (stored before the trail existed, or behind the service's back) the chain starts afresh, and
     * verification names the unrecorded event.
     */
    private String previousHash(String aggregateId, long sequence) {
        if (sequence == 0) {
            return EventHash.GENESIS;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT hash FROM event_audit WHERE aggregate_id = ? AND sequence_number = ?")) {
            query.setString(1, aggregateId);
            query.setLong(2, sequence - 1);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : EventHash.GENESIS;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the audit chain of " + aggregateId, e);
        }
    }
}
