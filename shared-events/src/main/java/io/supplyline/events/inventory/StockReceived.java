package io.supplyline.events.inventory;

import io.supplyline.events.EventName;
import io.supplyline.events.EventRevision;
import io.supplyline.events.Nullable;
import io.supplyline.events.Quantity;

/** Goods arrived on the shelf; {@code reference} is the delivery note or receipt the operator quoted. */
@EventName("supplyline.inventory.StockReceived")
@EventRevision("1")
public record StockReceived(StockItemId stockItemId, Quantity quantity, @Nullable String reference)
        implements StockItemEvent {
}
