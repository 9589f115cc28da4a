package io.supplyline.command.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A search of the history: every criterion optional, all given ones must hold. */
public record AuditQuery(Instant from, Instant to, String type, String principal, String correlationId,
                         String aggregateId) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null);
    }

    public static AuditQuery ofAggregate(String aggregateId) {
        return new AuditQuery(null, null, null, null, null, aggregateId);
    }

    /** The SQL condition over the event store ({@code e}) and the audit trail ({@code a}). */
    String where() {
        List<String> conditions = new ArrayList<>();
        conditions.add("1 = 1");
        if (from != null) {
            conditions.add("a.occurred_at >= ?");
        }
        if (to != null) {
            conditions.add("a.occurred_at < ?");
        }
        if (type != null) {
            conditions.add("a.event_type = ?");
        }
        if (principal != null) {
            conditions.add("a.principal = ?");
        }
        if (correlationId != null) {
            conditions.add("a.correlation_id = ?");
        }
        if (aggregateId != null) {
            conditions.add("e.aggregateidentifier = ?");
        }
        return String.join(" AND ", conditions);
    }

    /** The values of {@link #where()}'s placeholders, in order. */
    List<Object> parameters() {
        List<Object> parameters = new ArrayList<>();
        if (from != null) {
            parameters.add(from);
        }
        if (to != null) {
            parameters.add(to);
        }
        for (String value : new String[] {type, principal, correlationId, aggregateId}) {
            if (value != null) {
                parameters.add(value);
            }
        }
        return parameters;
    }

    /** Criteria on the audit trail need its row; an aggregate's history does not. */
    boolean needsAuditRow() {
        return from != null || to != null || type != null || principal != null || correlationId != null;
    }
}
