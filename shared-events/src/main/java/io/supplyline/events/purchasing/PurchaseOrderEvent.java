package io.supplyline.events.purchasing;

/** Everything that happens to a purchase order. */
public sealed interface PurchaseOrderEvent
        permits PurchaseOrderPlaced, GoodsReceived, PurchaseOrderFullyReceived, PurchaseOrderCancelled {
    PurchaseOrderId purchaseOrderId();
}
