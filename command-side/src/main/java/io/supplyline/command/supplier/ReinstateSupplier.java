package io.supplyline.command.supplier;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import io.supplyline.events.supplier.SupplierCode;

public record ReinstateSupplier(SupplierCode code) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return code.aggregateId();
    }
}
