package io.supplyline.events.shipping;

import io.supplyline.events.EventRevision;

/**
 * Something went wrong on the way. {@link ShipmentExceptionType#ORDER_CANCELLED} is reported by the
 * fulfilment process when the order was cancelled while the shipment was being dispatched: such a
 * shipment is void and cannot be delivered.
 */
@EventRevision("1")
public record ShipmentExceptionReported(ShipmentId shipmentId, ShipmentExceptionType type, String note)
        implements ShipmentEvent {
}
