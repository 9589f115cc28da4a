package io.supplyline.query.alerts;

import java.util.List;

import jakarta.inject.Singleton;

import org.axonframework.eventhandling.EventMessage;

import io.supplyline.events.inventory.StockItemId;
import io.supplyline.query.projection.ProjectionRows;

/**
 * Stockouts and low stock: two states of one number (what is available against zero and the reorder point),
 * judged together so that one alert gives way to the other. Each carries a reorder cue, which follows what is
 * on its way to the item.
 */
@Singleton
class StockLevelDetector {

    private final ProjectionRows rows;
    private final AlertBook alerts;

    StockLevelDetector(ProjectionRows rows, AlertBook alerts) {
        this.rows = rows;
        this.alerts = alerts;
    }

    /** Out when nothing is available; low when what is available is at or below the reorder point. */
    void judge(AlertStockItem item, EventMessage<?> cause) {
        AlertProduct policy = rows.find(AlertProduct.class, "product:" + item.sku);
        long reorderPoint = policy == null ? 0 : policy.reorderPoint;
        long reorderQuantity = policy == null ? 0 : policy.reorderQuantity;
        long available = item.onHand - item.reserved;
        if (available <= 0) {
            alerts.resolve(AlertType.LOW_STOCK, item.id, cause);
            Alert out = alerts.open(AlertType.STOCKOUT, item.id, cause, "Nothing of " + item.sku + " is available in "
                    + item.warehouse + " (" + item.onHand + " on hand, " + item.reserved + " reserved)");
            reorderCue(out.about(item), item, reorderPoint, reorderQuantity);
        } else if (available <= reorderPoint) {
            alerts.resolve(AlertType.STOCKOUT, item.id, cause);
            Alert low = alerts.open(AlertType.LOW_STOCK, item.id, cause, available + " of " + item.sku + " available in "
                    + item.warehouse + ", at or below the reorder point " + reorderPoint);
            reorderCue(low.about(item), item, reorderPoint, reorderQuantity);
        } else {
            alerts.resolve(AlertType.STOCKOUT, item.id, cause);
            alerts.resolve(AlertType.LOW_STOCK, item.id, cause);
        }
    }

    /**
     * What the reorder policy suggests ordering (back above the reorder point by a full reorder quantity, at least
     * one), and whether to order it now: only if nothing is on its way already.
     */
    private static void reorderCue(Alert alert, AlertStockItem item, long reorderPoint, long reorderQuantity) {
        alert.suggestedReorderQuantity = reorderPoint - (item.onHand - item.reserved) + Math.max(1, reorderQuantity);
        alert.reorderNow = item.inbound <= 0;
    }

    /**
     * Inbound is no event of the stock item's own (its row's version stays the item's). When the item goes from
     * nothing on its way to something, or back, its open stock alert's reorder cue follows.
     */
    void inboundChanged(String warehouse, String sku, long delta) {
        // A receipt of nothing expected (on a purchase order never seen placed, or beyond what was ordered)
        // changes nothing; the stock projection is the one that refuses such a receipt.
        if (delta == 0) {
            return;
        }
        StockItemId id = StockItemId.of(warehouse, sku);
        AlertStockItem item = rows.find(AlertStockItem.class, id.aggregateId());
        if (item == null) {
            item = rows.add(new AlertStockItem(id));
        }
        boolean wasOnItsWay = item.inbound > 0;
        item.inbound += delta;
        boolean nothingOnItsWay = item.inbound <= 0;
        if (wasOnItsWay == nothingOnItsWay) {
            for (AlertType type : List.of(AlertType.LOW_STOCK, AlertType.STOCKOUT)) {
                alerts.amend(type, item.id, alert -> alert.reorderNow = nothingOnItsWay);
            }
        }
    }
}
