package io.supplyline.command.fulfilment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import io.supplyline.events.fulfilment.SalesOrderId;
import io.supplyline.events.shipping.ShipmentId;

/** Sent by the fulfilment process when the order's shipment is dispatched. */
public record ShipOrder(SalesOrderId orderId, ShipmentId shipmentId) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return orderId.aggregateId();
    }
}
