package io.supplyline.events.fulfilment;

import io.supplyline.events.EventName;
import io.supplyline.events.EventRevision;
import io.supplyline.events.shipping.ShipmentId;

/** The order left its warehouse with the shipment; it can no longer be cancelled. */
@EventName("supplyline.fulfilment.OrderShipped")
@EventRevision("1")
public record OrderShipped(SalesOrderId orderId, ShipmentId shipmentId) implements SalesOrderEvent {
}
