package io.supplyline.events.purchasing;

import io.supplyline.events.EventName;
import io.supplyline.events.EventRevision;

@EventName("supplyline.purchasing.PurchaseOrderCancelled")
@EventRevision("1")
public record PurchaseOrderCancelled(PurchaseOrderId purchaseOrderId, String reason) implements PurchaseOrderEvent {
}
