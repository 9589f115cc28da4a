package io.supplyline.command.audit;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One stored event as auditors read it: where it stands (global index, aggregate, sequence), what
 * it is (type, revision, payload exactly as stored), who caused it and why (principal, correlation
 * and causation ids, command), and its link in the aggregate's hash chain.
 */
public record AuditedEvent(long globalIndex, String aggregateId, String aggregateType, long sequence, String eventId,
                           String type, String revision, Instant timestamp, String principal, String correlationId,
                           String causationId, String commandName, String idempotencyKey, JsonNode payload,
                           String previousHash, String hash) {
}
