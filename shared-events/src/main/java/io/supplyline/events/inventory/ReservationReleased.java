package io.supplyline.events.inventory;

import io.supplyline.events.EventRevision;

/** A reservation given back: its quantity is available again. */
@EventRevision("1")
public record ReservationReleased(StockItemId stockItemId, String reservationId, int quantity)
        implements StockItemEvent {
}
