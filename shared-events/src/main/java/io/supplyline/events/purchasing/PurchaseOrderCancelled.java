package io.supplyline.events.purchasing;

import io.supplyline.events.EventRevision;

@EventRevision("1")
public record PurchaseOrderCancelled(PurchaseOrderId purchaseOrderId, String reason) implements PurchaseOrderEvent {
}
