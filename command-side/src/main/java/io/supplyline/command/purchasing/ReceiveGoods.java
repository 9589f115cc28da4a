package io.supplyline.command.purchasing;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import io.supplyline.events.purchasing.PurchaseOrderId;
import io.supplyline.events.purchasing.ReceivedLine;

public record ReceiveGoods(PurchaseOrderId purchaseOrderId, List<ReceivedLine> lines) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return purchaseOrderId.aggregateId();
    }
}
