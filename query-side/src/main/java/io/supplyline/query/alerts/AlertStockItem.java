package io.supplyline.query.alerts;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.supplyline.events.inventory.StockItemId;

/**
 * The alert projection's own view of a stock item: quantities, what is on its way, and its history of
 * adjustment sizes. A row may exist for an item only ordered so far (version -1): it has no stock to judge.
 */
@Entity
@Table(name = "alert_stock_item")
public class AlertStockItem extends AlertRow {

    /** The aggregate id. */
    @Id
    public String id;
    public String warehouse;
    public String sku;
    public long onHand;
    public long reserved;
    /** Units still due on open purchase orders for this warehouse and SKU. */
    public long inbound;
    /** Welford's running count, mean and sum of squared deviations of the adjustments' sizes. */
    public long adjustments;
    public double adjustmentMean;
    public double adjustmentM2;

    protected AlertStockItem() {
    }

    AlertStockItem(StockItemId item) {
        this.id = item.aggregateId();
        this.warehouse = item.warehouse().value();
        this.sku = item.sku().value();
    }

    /** Whether the item has had an event of its own (stock received, reserved, ...), not only purchase orders. */
    boolean stocked() {
        return version >= 0;
    }
}
