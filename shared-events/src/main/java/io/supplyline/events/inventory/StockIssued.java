package io.supplyline.events.inventory;

import io.supplyline.events.EventName;
import io.supplyline.events.EventRevision;
import io.supplyline.events.Quantity;

/** Reserved stock left the warehouse: on hand and reserved both drop by {@code quantity}. */
@EventName("supplyline.inventory.StockIssued")
@EventRevision("1")
public record StockIssued(StockItemId stockItemId, String reservationId, Quantity quantity) implements StockItemEvent {
}
