package io.supplyline.command.audit;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

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

/**
 * Records each event's audit row as it is appended, in the same transaction: an event is stored
 * with its hash or not at all. The hash covers the very bytes the event store writes (the message
 * serializes its payload and metadata once, for both), chained to the aggregate's previous event.
 */
@ProcessingGroup(AxonConfiguration.LOOKUPS)
public class AuditTrail {

    private static final int REMEMBERED_CHAINS = 10_000;
    private static final String APPENDING = AuditTrail.class.getName() + ".appending";

    private final Serializer serializer;
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

    public AuditTrail(Serializer serializer) {
        this.serializer = serializer;
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
        record.persist();
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

    /**
     * The hash of the aggregate's previous event; for an event after one the trail never recorded
     * (stored before the trail existed, or behind the service's back) the chain starts afresh, and
     * verification names the unrecorded event.
     */
    private static String previousHash(String aggregateId, long sequence) {
        if (sequence == 0) {
            return EventHash.GENESIS;
        }
        return AuditRecord.<AuditRecord>find("aggregateId = ?1 and sequenceNumber = ?2", aggregateId, sequence - 1)
                .firstResultOptional()
                .map(previous -> previous.hash)
                .orElse(EventHash.GENESIS);
    }
}
