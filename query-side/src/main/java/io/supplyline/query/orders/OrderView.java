package io.supplyline.query.orders;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An order as clients read it; {@code version} is the order's last applied event.
 *
 * @param late shipped after its requested delivery date, or still to ship (not cancelled) with that day past
 *             (days in UTC)
 */
public record OrderView(String id, String customer, String warehouse, OrderStatus status, int lineCount, long units,
                        LocalDate requestedDeliveryDate, String shipmentId, Instant placedAt, Instant shippedAt,
                        boolean late, Instant updatedAt, long version) {

    static OrderView of(OrderRow row, LocalDate today) {
        return new OrderView(row.id, row.customer, row.warehouse, row.status, row.lineCount, row.units,
                row.requestedDeliveryDate, row.shipmentId, row.placedAt, row.shippedAt, late(row, today),
                row.updatedAt, row.version);
    }

    /** As {@code OrderResource.LATE} says it in a query. */
    private static boolean late(OrderRow row, LocalDate today) {
        if (row.requestedDeliveryDate == null) {
            return false;
        }
        if (row.shippedOn != null) {
            return row.shippedOn.isAfter(row.requestedDeliveryDate);
        }
        return OrderStatus.OPEN.contains(row.status) && row.requestedDeliveryDate.isBefore(today);
    }
}
