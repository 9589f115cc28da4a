package io.supplyline.query.orders;

import java.util.List;

/** Where a customer order stands, as the order events tell it. */
public enum OrderStatus {
    PLACED, BACKORDERED, ALLOCATED, SHIPPED, DELIVERED, CANCELLED;

    /** Still to ship: neither shipped nor cancelled. */
    static final List<OrderStatus> OPEN = List.of(PLACED, BACKORDERED, ALLOCATED);
}
