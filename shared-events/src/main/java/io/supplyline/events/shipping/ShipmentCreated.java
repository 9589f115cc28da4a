package io.supplyline.events.shipping;

import java.time.LocalDate;

import io.supplyline.events.EventName;
import io.supplyline.events.EventRevision;
import io.supplyline.events.fulfilment.SalesOrderId;
import io.supplyline.events.warehouse.WarehouseCode;

/** A shipment planned for an allocated order, leaving from the order's warehouse. */
@EventName("supplyline.shipping.ShipmentCreated")
@EventRevision("1")
public record ShipmentCreated(ShipmentId shipmentId, SalesOrderId orderId, WarehouseCode warehouse, String carrier,
                              String trackingNumber, LocalDate promisedDeliveryDate) implements ShipmentEvent {
}
