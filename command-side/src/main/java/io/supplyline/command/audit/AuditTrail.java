package io.supplyline.command.audit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
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

    private final Serializer serializer;

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
        record.previousHash = previousHash(record.aggregateId, record.sequenceNumber);
        record.hash = EventHash.of(record.previousHash, record.aggregateId, record.sequenceNumber, record.eventId,
                payload.getType().getName(), payload.getType().getRevision(), message.getTimestamp(),
                payload.getData(), metadata.getData());
        record.persist();
    }

    /**
     * The hash of the aggregate's previous event; for an event after one the trail never recorded
     * (stored before the trail existed, or behind the service's back) the chain starts afresh, and
     * verification names the unrecorded event.
     */
    private static String previousHash(String aggregateId, long sequence) {
        return AuditRecord.<AuditRecord>find("aggregateId = ?1 and sequenceNumber = ?2", aggregateId, sequence - 1)
                .firstResultOptional()
                .map(previous -> previous.hash)
                .orElse(EventHash.GENESIS);
    }
}
