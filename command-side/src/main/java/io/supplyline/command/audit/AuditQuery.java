package io.supplyline.command.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A search of the history: every criterion optional, all given ones must hold. */
public record AuditQuery(Instant from, Instant to, String type, String principal, String correlationId,
                         String aggregateId) {

    public static AuditQuery ofAggregate(String aggregateId) {
        return new AuditQuery(null, null, null, null, null, aggregateId);
    }

    /** The SQL condition over the event store ({@code e}) and the audit trail ({@code a}). */
    String where() {
        List<String> conditions = new ArrayList<>(List.of("1 = 1"));
        criteria().forEach(criterion -> conditions.add(criterion.getKey()));
        return String.join(" AND ", conditions);
    }

    /** The values of {@link #where()}'s placeholders, in order. */
    List<Object> parameters() {
        return criteria().stream().map(Map.Entry::getValue).toList();
    }

    /** Each given criterion: its condition with one placeholder, and the value for it. */
    private List<Map.Entry<String, Object>> criteria() {
        List<Map.Entry<String, Object>> criteria = new ArrayList<>();
        Map<String, Object> candidates = new LinkedHashMap<>();
        candidates.put("a.occurred_at >= ?", from);
        candidates.put("a.occurred_at < ?", to);
        candidates.put("a.event_type = ?", type);
        candidates.put("a.principal = ?", principal);
        candidates.put("a.correlation_id = ?", correlationId);
        candidates.put("e.aggregateidentifier = ?", aggregateId);
        candidates.forEach((condition, value) -> {
            if (value != null) {
                criteria.add(Map.entry(condition, value));
            }
        });
        return criteria;
    }
}
