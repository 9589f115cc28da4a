package io.supplyline.events.inventory;

import io.supplyline.events.EventRevision;

/** Goods arrived on the shelf; {@code reference} is the delivery note or receipt the operator quoted. */
@EventRevision("1")
public record StockReceived(StockItemId stockItemId, int quantity, String reference) implements StockItemEvent {
}
