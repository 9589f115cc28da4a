package io.supplyline.command.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import io.supplyline.events.audit.EventHash;
import io.supplyline.command.axon.AxonConfiguration;
import io.supplyline.command.axon.CommandMetadata;
import io.supplyline.command.jdbc.Batches;
import io.supplyline.command.jdbc.RowsOfBatch;

/**
 * Records each event's audit row as it is appended, in the same transaction: an event is stored
 * with its hash or not at all. The hash covers the very bytes the event store writes (the message
 * serializes its payload and metadata once, for both), chained to the aggregate's previous event.
 * A command's rows go to the database as one batch.
 */
@ProcessingGroup(AxonConfiguration.LOOKUPS)
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

    public AuditTrail(Serializer serializer, DataSource dataSource) {
        this.serializer = serializer;
        this.dataSource = dataSource;
    }

    @EventHandler
    void on(Object event, DomainEventMessage<?> message) {
        SerializedObject<byte[]> payload = message.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> metadata = message.serializeMetaData(serializer, byte[].class);
        AuditRecord record = new AuditRecord();
        record.eventId = message.getIdentifier();
        record.aggregateId = message.getAggregateIdentifier();
        record.sequenceNumber = message.getSequenceNumber();
        record.eventType = event.getClass().getSimpleName();
        record.occurredAt = message.getTimestamp();
        record.principal = (String) message.getMetaData().get(CommandMetadata.PRINCIPAL);
        record.correlationId = (String) message.getMetaData().get(CommandMetadata.CORRELATION_ID);
        record.commandName = (String) message.getMetaData().get(CommandMetadata.COMMAND_NAME);
        Map<String, ChainHead> appending = appending();
        record.previousHash = Optional.ofNullable(appending.get(record.aggregateId))
                .or(() -> Optional.ofNullable(heads.get(record.aggregateId)))
                .filter(head -> head.sequence() == record.sequenceNumber - 1)
                .map(ChainHead::hash)
                .orElseGet(() -> previousHash(record.aggregateId, record.sequenceNumber));
        record.hash = EventHash.of(record.previousHash, record.aggregateId, record.sequenceNumber, record.eventId,
                payload.getType().getName(), payload.getType().getRevision(), message.getTimestamp(),
                payload.getData(), metadata.getData());
        RowsOfBatch.<List<AuditRecord>>of(ROWS, ArrayList::new, this::insert).add(record);
        appending.put(record.aggregateId, new ChainHead(record.sequenceNumber, record.hash));
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

    private void insert(List<AuditRecord> records) {
        try (Connection connection = dataSource.getConnection()) {
            Batches.run(connection, INSERT, records, (statement, record) -> {
                statement.setString(1, record.eventId);
                statement.setString(2, record.aggregateId);
                statement.setLong(3, record.sequenceNumber);
                statement.setString(4, record.eventType);
                statement.setObject(5, OffsetDateTime.ofInstant(record.occurredAt, ZoneOffset.UTC));
                statement.setString(6, record.principal);
                statement.setString(7, record.correlationId);
                statement.setString(8, record.commandName);
                statement.setString(9, record.previousHash);
                statement.setString(10, record.hash);
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write the audit rows of " + records.size() + " events", e);
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
