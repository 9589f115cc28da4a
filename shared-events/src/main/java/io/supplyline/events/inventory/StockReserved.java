package io.supplyline.events.inventory;

import io.supplyline.events.EventName;
import io.supplyline.events.EventRevision;
import io.supplyline.events.Quantity;

/** Stock set aside for {@code reservationId} (an order line): still on hand, no longer available. */
@EventName("supplyline.inventory.StockReserved")
@EventRevision("1")
public record StockReserved(StockItemId stockItemId, String reservationId, Quantity quantity) implements StockItemEvent {
}
