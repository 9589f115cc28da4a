package io.supplyline.command.fulfilment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import io.supplyline.events.fulfilment.SalesOrderId;

public record CancelOrder(SalesOrderId orderId, String reason) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return orderId.aggregateId();
    }
}
