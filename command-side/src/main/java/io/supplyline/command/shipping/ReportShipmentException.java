package io.supplyline.command.shipping;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import io.supplyline.events.shipping.ShipmentExceptionType;
import io.supplyline.events.shipping.ShipmentId;

/** Something went wrong on the way. */
public record ReportShipmentException(ShipmentId shipmentId, ShipmentExceptionType type, String note) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return shipmentId.aggregateId();
    }
}
