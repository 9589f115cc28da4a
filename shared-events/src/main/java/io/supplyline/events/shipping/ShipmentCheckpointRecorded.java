package io.supplyline.events.shipping;

import java.time.Instant;

import io.supplyline.events.EventRevision;

/** The carrier reported the shipment at a place on its way. */
@EventRevision("1")
public record ShipmentCheckpointRecorded(ShipmentId shipmentId, String location, Instant at, String note)
        implements ShipmentEvent {
}
