package io.supplyline.command.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import io.supplyline.events.catalog.Sku;

public record ChangeReorderPolicy(Sku sku, int reorderPoint, int reorderQuantity) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return sku.aggregateId();
    }
}
