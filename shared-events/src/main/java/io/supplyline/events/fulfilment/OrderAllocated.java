package io.supplyline.events.fulfilment;

import io.supplyline.events.EventName;
import io.supplyline.events.EventRevision;

/** Every line of the order is reserved in its warehouse, under the reservation id {@link OrderLine#reservationId}. */
@EventName("supplyline.fulfilment.OrderAllocated")
@EventRevision("1")
public record OrderAllocated(SalesOrderId orderId) implements SalesOrderEvent {
}
