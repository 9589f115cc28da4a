package io.supplyline.command.shipping;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import io.supplyline.events.shipping.ShipmentId;

/** Sent by the fulfilment process when the shipment's order was cancelled before it could ship. */
public record VoidShipment(ShipmentId shipmentId, String reason) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return shipmentId.aggregateId();
    }
}
