package io.supplyline.events.shipping;

import java.time.Instant;

import io.supplyline.events.EventName;
import io.supplyline.events.EventRevision;
import io.supplyline.events.fulfilment.SalesOrderId;

/** The shipment left the warehouse: the order's reserved stock is issued and the order ships. */
@EventName("supplyline.shipping.ShipmentDispatched")
@EventRevision("1")
public record ShipmentDispatched(ShipmentId shipmentId, SalesOrderId orderId, Instant at) implements ShipmentEvent {
}
