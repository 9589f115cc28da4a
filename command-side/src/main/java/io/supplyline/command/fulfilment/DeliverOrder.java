package io.supplyline.command.fulfilment;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import io.supplyline.events.fulfilment.SalesOrderId;
import io.supplyline.events.shipping.ShipmentId;

/** Sent by the fulfilment process when the order's shipment is delivered. */
public record DeliverOrder(SalesOrderId orderId, ShipmentId shipmentId, Instant at) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return orderId.aggregateId();
    }
}
