package io.supplyline.command.shipping;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import io.supplyline.events.fulfilment.SalesOrderId;
import io.supplyline.events.shipping.ShipmentId;

/** Plans the shipment of an allocated order. */
public record CreateShipment(ShipmentId shipmentId, SalesOrderId orderId, String carrier, String trackingNumber,
                             LocalDate promisedDeliveryDate) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return shipmentId.aggregateId();
    }
}
