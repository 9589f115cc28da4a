package io.supplyline.command.shipping;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import io.supplyline.events.shipping.ShipmentId;

/** The carrier saw the shipment at {@code location}. */
public record RecordCheckpoint(ShipmentId shipmentId, String location, Instant at, String note) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return shipmentId.aggregateId();
    }
}
