package io.supplyline.query.alerts;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;


/** The alert projection's own view of a stock item: quantities and its history of adjustment sizes. */
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
    /** Welford's running count, mean and sum of squared deviations of the adjustments' sizes. */
    public long adjustments;
    public double adjustmentMean;
    public double adjustmentM2;

    protected AlertStockItem() {
    }

    AlertStockItem(String id) {
        this.id = id;
    }
}
