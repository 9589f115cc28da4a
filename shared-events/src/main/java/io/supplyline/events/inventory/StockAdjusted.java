package io.supplyline.events.inventory;

import io.supplyline.events.EventName;
import io.supplyline.events.EventRevision;
import io.supplyline.events.Nullable;

/** On-hand stock corrected by {@code delta} (negative for losses), always with a reason. */
@EventName("supplyline.inventory.StockAdjusted")
@EventRevision("1")
public record StockAdjusted(StockItemId stockItemId, int delta, AdjustmentReason reason, @Nullable String note)
        implements StockItemEvent {
}
