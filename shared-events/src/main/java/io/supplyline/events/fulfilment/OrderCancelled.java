package io.supplyline.events.fulfilment;

import io.supplyline.events.EventRevision;

@EventRevision("1")
public record OrderCancelled(SalesOrderId orderId, String reason) implements SalesOrderEvent {
}
