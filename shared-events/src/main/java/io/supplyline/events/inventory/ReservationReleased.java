package io.supplyline.events.inventory;

import io.supplyline.events.EventName;
import io.supplyline.events.EventRevision;
import io.supplyline.events.Quantity;

/** A reservation given back: its quantity is available again. */
@EventName("supplyline.inventory.ReservationReleased")
@EventRevision("1")
public record ReservationReleased(StockItemId stockItemId, String reservationId, Quantity quantity)
        implements StockItemEvent {
}
