package io.supplyline.command.fulfilment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import io.supplyline.events.fulfilment.SalesOrderId;

/** Sent by the fulfilment process once every line of the order is reserved. */
public record AllocateOrder(SalesOrderId orderId) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return orderId.aggregateId();
    }
}
