package io.supplyline.events.inventory;

/** Everything that happens to the stock of one SKU in one warehouse. */
public sealed interface StockItemEvent
        permits StockReceived, StockAdjusted, StockReserved, ReservationReleased, StockIssued {
    StockItemId stockItemId();
}
