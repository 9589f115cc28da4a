package io.supplyline.query.purchasing;

/** Where a purchase order stands, as its events tell it. */
public enum PurchaseOrderStatus {
    OPEN, PARTIALLY_RECEIVED, RECEIVED, CANCELLED
}
