package io.supplyline.command.shipping;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import io.supplyline.events.shipping.ShipmentId;

/** The shipment leaves the warehouse at {@code at}. */
public record DispatchShipment(ShipmentId shipmentId, Instant at) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return shipmentId.aggregateId();
    }
}
