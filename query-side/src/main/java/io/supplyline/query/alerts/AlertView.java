package io.supplyline.query.alerts;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** An alert as clients read it; {@code causedBy} and {@code resolvedBy} are event ids (see the audit history). */
public record AlertView(String id, AlertType type, String state, String subject, String warehouse, String sku,
                        String detail, Long suggestedReorderQuantity, Instant openedAt, Instant resolvedAt,
                        List<String> causedBy, String resolvedBy) {

    static AlertView of(Alert alert) {
        return new AlertView(alert.id, alert.type, alert.open ? "OPEN" : "RESOLVED", alert.subject, alert.warehouse,
                alert.sku, alert.detail, alert.suggestedReorderQuantity, alert.openedAt, alert.resolvedAt,
                Arrays.asList(alert.causedBy.split(",")), alert.resolvedBy);
    }
}
