package io.supplyline.query.orders;

import java.time.Instant;
import java.time.LocalDate;

/** An order as clients read it; {@code version} is the order's last applied event. */
public record OrderView(String id, String customer, String warehouse, OrderStatus status, int lineCount, long units,
                        LocalDate requestedDeliveryDate, String shipmentId, Instant placedAt, Instant updatedAt,
                        long version) {

    static OrderView of(OrderRow row) {
        return new OrderView(row.id, row.customer, row.warehouse, row.status, row.lineCount, row.units,
                row.requestedDeliveryDate, row.shipmentId, row.placedAt, row.updatedAt, row.version);
    }
}
