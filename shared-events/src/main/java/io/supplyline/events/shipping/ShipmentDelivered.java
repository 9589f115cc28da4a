package io.supplyline.events.shipping;

import java.time.Instant;

import io.supplyline.events.EventName;
import io.supplyline.events.EventRevision;
import io.supplyline.events.fulfilment.SalesOrderId;

/** The customer has the goods; the order is delivered. */
@EventName("supplyline.shipping.ShipmentDelivered")
@EventRevision("1")
public record ShipmentDelivered(ShipmentId shipmentId, SalesOrderId orderId, Instant at, String receivedBy)
        implements ShipmentEvent {
}
