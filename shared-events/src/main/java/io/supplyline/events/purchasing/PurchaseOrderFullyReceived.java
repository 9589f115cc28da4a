package io.supplyline.events.purchasing;

import io.supplyline.events.EventName;
import io.supplyline.events.EventRevision;

/** Every line has arrived in full: the order is closed. */
@EventName("supplyline.purchasing.PurchaseOrderFullyReceived")
@EventRevision("1")
public record PurchaseOrderFullyReceived(PurchaseOrderId purchaseOrderId) implements PurchaseOrderEvent {
}
