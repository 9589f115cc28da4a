package io.supplyline.query.purchasing;

import java.time.Instant;
import java.time.LocalDate;

/** A purchase order as clients read it. {@code overdue}: still expecting goods after the expected date. */
public record PurchaseOrderView(String id, String supplier, String warehouse, PurchaseOrderStatus status,
                                LocalDate expectedDeliveryDate, boolean overdue, int lineCount, long unitsOrdered,
                                long unitsReceived, Instant placedAt, Instant lastReceiptAt, Instant updatedAt,
                                long version) {

    static PurchaseOrderView of(PurchaseOrderRow row, LocalDate today) {
        boolean expecting = row.status == PurchaseOrderStatus.OPEN || row.status == PurchaseOrderStatus.PARTIALLY_RECEIVED;
        boolean overdue = expecting && row.expectedDeliveryDate != null && row.expectedDeliveryDate.isBefore(today);
        return new PurchaseOrderView(row.id, row.supplier, row.warehouse, row.status, row.expectedDeliveryDate, overdue,
                row.lineCount, row.unitsOrdered, row.unitsReceived, row.placedAt, row.lastReceiptAt, row.updatedAt,
                row.version);
    }
}
