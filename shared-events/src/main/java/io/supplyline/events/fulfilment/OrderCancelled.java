package io.supplyline.events.fulfilment;

import io.supplyline.events.EventName;
import io.supplyline.events.EventRevision;

@EventName("supplyline.fulfilment.OrderCancelled")
@EventRevision("1")
public record OrderCancelled(SalesOrderId orderId, String reason) implements SalesOrderEvent {
}
