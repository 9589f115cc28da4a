package io.supplyline.command.audit;

import java.util.List;

/**
 * One page of a history search, with the total number of matching events; {@code next} is the
 * {@code after} that asks for the following page (absent on the last one).
 */
public record AuditPage(List<AuditedEvent> items, int size, long total, Long next) {

    static AuditPage of(List<AuditedEvent> items, int size, long total) {
        return new AuditPage(items, size, total, items.size() < size ? null : items.get(items.size() - 1).globalIndex());
    }
}
