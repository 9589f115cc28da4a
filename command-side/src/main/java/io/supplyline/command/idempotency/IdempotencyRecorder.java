package io.supplyline.command.idempotency;

import jakarta.inject.Singleton;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;

import io.supplyline.command.axon.AxonConfiguration;
import io.supplyline.command.axon.CommandMetadata;

/**
 * Records the answer of every command that carried an Idempotency-Key, from its events, in the
 * same transaction that appends them. A second command with a key already recorded fails here, so
 * its events roll back and the caller gets the first answer instead.
 */
@Singleton
@ProcessingGroup(AxonConfiguration.LOOKUPS)
public class IdempotencyRecorder {

    private final IdempotencyRetention retention;

    IdempotencyRecorder(IdempotencyRetention retention) {
        this.retention = retention;
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
        String id = IdempotentRequest.idFor(principal, key);
        IdempotentRequest request = IdempotentRequest.findById(id);
        // An answer older than the retention is forgotten, even before the cleanup deletes it.
        if (request == null || request.recordedAt.isBefore(retention.cutoff())) {
            if (request == null) {
                request = new IdempotentRequest();
                request.id = id;
            }
            request.principal = principal;
            request.idempotencyKey = key;
            request.requestHash = (String) metadata.get(CommandMetadata.REQUEST_HASH);
            request.commandId = commandId;
            request.aggregateId = event.getAggregateIdentifier();
            request.recordedAt = event.getTimestamp();
            request.version = event.getSequenceNumber();
            request.persistAndFlush();
        } else if (request.commandId.equals(commandId)) {
            request.version = event.getSequenceNumber();
        } else {
            throw new IllegalStateException("Idempotency key already answered by command " + request.commandId);
        }
    }
}
