package io.supplyline.command.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import io.supplyline.events.catalog.Sku;

public record DiscontinueProduct(Sku sku, String reason) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return sku.aggregateId();
    }
}
