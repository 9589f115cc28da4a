package io.supplyline.query.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * An alert as clients read it; {@code causedBy} and {@code resolvedBy} are event ids (see the audit history).
 *
 * @param suggestedReorderQuantity for low stock and stockouts: what the item's reorder policy suggests ordering
 * @param reorderNow               an open low-stock or stockout alert whose item has nothing on its way: order
 *                                 the suggested quantity now
 * @param durationSeconds          how long it was open, in whole seconds, once resolved; null while open
 */
public record AlertView(String id, AlertType type, String state, String subject, String warehouse, String sku,
                        String detail, Long suggestedReorderQuantity, boolean reorderNow, Instant openedAt,
                        Instant resolvedAt, Long durationSeconds, List<String> causedBy, String resolvedBy) {

    static AlertView of(Alert alert) {
        return new AlertView(alert.id, alert.type, alert.open ? "OPEN" : "RESOLVED", alert.subject, alert.warehouse,
                alert.sku, alert.detail, alert.suggestedReorderQuantity, alert.open && alert.reorderNow,
                alert.openedAt, alert.resolvedAt, durationOf(alert), Arrays.asList(alert.causedBy.split(",")),
                alert.resolvedBy);
    }

    /**
     * Never below zero: another aggregate's event may resolve an alert and carry a time a moment before the
     * event that opened it (their clocks and partitions differ).
     */
    private static Long durationOf(Alert alert) {
        if (alert.open || alert.openedAt == null || alert.resolvedAt == null) {
            return null;
        }
        return Math.max(0, Duration.between(alert.openedAt, alert.resolvedAt).getSeconds());
    }
}
