package io.supplyline.events.fulfilment;

/** Everything that happens to a customer order (allocation, shipping and delivery come with the sagas). */
public sealed interface SalesOrderEvent permits OrderPlaced, OrderCancelled {
    SalesOrderId orderId();
}
