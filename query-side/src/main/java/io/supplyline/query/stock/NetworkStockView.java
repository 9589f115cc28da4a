package io.supplyline.query.stock;

import java.util.List;

/** One SKU across every warehouse, with the per-warehouse levels it adds up. */
public record NetworkStockView(String sku, long onHand, long reserved, long available, long inbound,
                               StockStatus status, List<StockLevelView> warehouses) {

    static NetworkStockView of(String sku, long reorderPoint, List<StockLevelView> levels) {
        long onHand = levels.stream().mapToLong(StockLevelView::onHand).sum();
        long reserved = levels.stream().mapToLong(StockLevelView::reserved).sum();
        long available = levels.stream().mapToLong(StockLevelView::available).sum();
        long inbound = levels.stream().mapToLong(StockLevelView::inbound).sum();
        return new NetworkStockView(sku, onHand, reserved, available, inbound,
                StockStatus.of(available, reorderPoint), levels);
    }
}
