package io.supplyline.events.fulfilment;

/** Everything that happens to a customer order: placing, allocation or backorder, shipping, delivery, cancellation. */
public sealed interface SalesOrderEvent permits OrderPlaced, OrderAllocated, OrderBackordered, OrderShipped,
        OrderDelivered, OrderCancelled {
    SalesOrderId orderId();
}
