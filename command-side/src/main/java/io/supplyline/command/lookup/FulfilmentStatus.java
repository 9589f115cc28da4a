package io.supplyline.command.lookup;

/** Where a customer order stands; the order lookup table keeps it too, for the rules of shipments. */
public enum FulfilmentStatus {
    PLACED, BACKORDERED, ALLOCATED, SHIPPED, DELIVERED, CANCELLED;

    public boolean hasShipped() {
        return this == SHIPPED || this == DELIVERED;
    }
}
