package io.supplyline.events.shipping;

import java.time.LocalDate;

import io.supplyline.events.EventName;
import io.supplyline.events.EventRevision;

/** The shipment will arrive later than expected: {@code newEta} replaces the previous estimate. */
@EventName("supplyline.shipping.ShipmentDelayed")
@EventRevision("1")
public record ShipmentDelayed(ShipmentId shipmentId, LocalDate previousEta, LocalDate newEta, String reason)
        implements ShipmentEvent {
}
