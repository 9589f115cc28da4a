package io.supplyline.events.fulfilment;

import java.time.Instant;

import io.supplyline.events.EventName;
import io.supplyline.events.EventRevision;
import io.supplyline.events.shipping.ShipmentId;

/** The customer received the order. */
@EventName("supplyline.fulfilment.OrderDelivered")
@EventRevision("1")
public record OrderDelivered(SalesOrderId orderId, ShipmentId shipmentId, Instant at) implements SalesOrderEvent {
}
