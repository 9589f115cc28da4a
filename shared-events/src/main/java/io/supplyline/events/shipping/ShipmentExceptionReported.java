package io.supplyline.events.shipping;

import io.supplyline.events.EventName;
import io.supplyline.events.EventRevision;
import io.supplyline.events.Nullable;

/**
 * Something went wrong on the way. {@link ShipmentExceptionType#ORDER_CANCELLED} is reported by the
 * fulfilment process when the order was cancelled while the shipment was being dispatched: such a
 * shipment is void and cannot be delivered.
 */
@EventName("supplyline.shipping.ShipmentExceptionReported")
@EventRevision("1")
public record ShipmentExceptionReported(ShipmentId shipmentId, ShipmentExceptionType type, @Nullable String note)
        implements ShipmentEvent {
}
