package io.supplyline.events.inventory;

import io.supplyline.events.EventRevision;
import io.supplyline.events.Quantity;

/** Goods arrived on the shelf; {@code reference} is the delivery note or receipt the operator quoted. */
@EventRevision("1")
public record StockReceived(StockItemId stockItemId, Quantity quantity, String reference) implements StockItemEvent {
}
