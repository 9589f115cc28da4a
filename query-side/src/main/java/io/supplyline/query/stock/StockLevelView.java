package io.supplyline.query.stock;

import java.time.Instant;

/** A stock level as clients read it; {@code version} is the stock item's last applied event. */
public record StockLevelView(String warehouse, String sku, long onHand, long reserved, long available, long inbound,
                             long reorderPoint, StockStatus status, long version, Instant updatedAt) {

    static StockLevelView of(StockLevel level) {
        return new StockLevelView(level.warehouse, level.sku, level.onHand, level.reserved, level.available,
                level.inbound, level.reorderPoint, level.status, level.version, level.updatedAt);
    }
}
