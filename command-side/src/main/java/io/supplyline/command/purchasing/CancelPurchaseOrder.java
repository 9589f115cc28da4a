package io.supplyline.command.purchasing;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import io.supplyline.events.purchasing.PurchaseOrderId;

public record CancelPurchaseOrder(PurchaseOrderId purchaseOrderId, String reason) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return purchaseOrderId.aggregateId();
    }
}
