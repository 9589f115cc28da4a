package io.supplyline.events.shipping;

/** Everything that happens to a shipment, from its creation for an allocated order to its delivery. */
public sealed interface ShipmentEvent permits ShipmentCreated, ShipmentDispatched, ShipmentCheckpointRecorded,
        ShipmentDelayed, ShipmentDelivered, ShipmentExceptionReported {

    ShipmentId shipmentId();
}
