package io.supplyline.query.stock;

/** A stock level as clients read it; {@code version} is the stock item's last applied event. */
public record StockLevelView(String warehouse, String sku, long onHand, long reserved, long available, long inbound,
                             StockStatus status, long version) {

    static StockLevelView of(StockLevel level) {
        return new StockLevelView(level.warehouse, level.sku, level.onHand, level.reserved, level.available,
                level.inbound, level.status, level.version);
    }
}
