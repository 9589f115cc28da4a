package io.supplyline.query.shipments;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A shipment as clients read it. {@code delayed}: its estimate moved past the promised date, or it
 * is still on its way after its estimate.
 */
public record ShipmentView(String id, String orderId, String warehouse, String carrier, String trackingNumber,
                           ShipmentStatus status, LocalDate promisedDeliveryDate, LocalDate eta, boolean delayed,
                           Instant dispatchedAt, Instant deliveredAt, String lastLocation, Instant lastCheckpointAt,
                           int checkpoints, int exceptions, String lastException, Instant updatedAt, long version) {

    static ShipmentView of(ShipmentRow row, LocalDate today) {
        boolean late = row.eta != null && row.promisedDeliveryDate != null && row.eta.isAfter(row.promisedDeliveryDate);
        boolean overdue = row.eta != null && row.eta.isBefore(today)
                && (row.status == ShipmentStatus.CREATED || row.status == ShipmentStatus.DISPATCHED);
        return new ShipmentView(row.id, row.orderId, row.warehouse, row.carrier, row.trackingNumber, row.status,
                row.promisedDeliveryDate, row.eta, late || overdue, row.dispatchedAt, row.deliveredAt, row.lastLocation,
                row.lastCheckpointAt, row.checkpoints, row.exceptions, row.lastException, row.updatedAt, row.version);
    }
}
