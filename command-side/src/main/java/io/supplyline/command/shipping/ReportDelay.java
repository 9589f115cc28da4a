package io.supplyline.command.shipping;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import io.supplyline.events.shipping.ShipmentId;

/** The shipment will arrive on {@code newEta}, later than expected. */
public record ReportDelay(ShipmentId shipmentId, LocalDate newEta, String reason) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return shipmentId.aggregateId();
    }
}
