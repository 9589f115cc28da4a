package io.supplyline.command.shipping;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import io.supplyline.events.shipping.ShipmentId;

/** The customer received the shipment. */
public record ConfirmDelivery(ShipmentId shipmentId, Instant at, String receivedBy) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return shipmentId.aggregateId();
    }
}
