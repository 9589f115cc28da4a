package io.supplyline.events.inventory;

import io.supplyline.events.EventRevision;

/** On-hand stock corrected by {@code delta} (negative for losses), always with a reason. */
@EventRevision("1")
public record StockAdjusted(StockItemId stockItemId, int delta, AdjustmentReason reason, String note)
        implements StockItemEvent {
}
