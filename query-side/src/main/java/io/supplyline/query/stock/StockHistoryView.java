package io.supplyline.query.stock;

import java.time.Instant;
import java.util.List;

/** A stock item's levels over time, oldest first: one point per event of the item. */
public record StockHistoryView(String warehouse, String sku, List<Point> points) {

    public record Point(long version, Instant at, long onHand, long reserved, long available) {

        static Point of(StockLevelPoint point) {
            return new Point(point.version, point.recordedAt, point.onHand, point.reserved, point.onHand - point.reserved);
        }
    }
}
