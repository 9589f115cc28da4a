package io.supplyline.events.shipping;

import java.time.Instant;

import io.supplyline.events.EventName;
import io.supplyline.events.EventRevision;
import io.supplyline.events.Nullable;

/** The carrier reported the shipment at a place on its way. */
@EventName("supplyline.shipping.ShipmentCheckpointRecorded")
@EventRevision("1")
public record ShipmentCheckpointRecorded(ShipmentId shipmentId, String location, Instant at, @Nullable String note)
        implements ShipmentEvent {
}
