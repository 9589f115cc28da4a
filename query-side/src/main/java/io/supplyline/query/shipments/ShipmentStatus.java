package io.supplyline.query.shipments;

/** Where a shipment stands; VOID when its order was cancelled before it could ship. */
public enum ShipmentStatus {
    CREATED, DISPATCHED, DELIVERED, VOID
}
