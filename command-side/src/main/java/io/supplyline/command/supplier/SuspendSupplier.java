package io.supplyline.command.supplier;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import io.supplyline.events.supplier.SupplierCode;

public record SuspendSupplier(SupplierCode code, String reason) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return code.aggregateId();
    }
}
