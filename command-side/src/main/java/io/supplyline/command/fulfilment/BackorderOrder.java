package io.supplyline.command.fulfilment;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import io.supplyline.events.fulfilment.OrderLine;
import io.supplyline.events.fulfilment.SalesOrderId;

/** Sent by the fulfilment process when not every line could be reserved. */
public record BackorderOrder(SalesOrderId orderId, List<OrderLine> unavailable) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return orderId.aggregateId();
    }
}
