package io.supplyline.query.orders;

/** Where a customer order stands, as the order events tell it. */
public enum OrderStatus {
    PLACED, BACKORDERED, ALLOCATED, SHIPPED, DELIVERED, CANCELLED
}
