package io.supplyline.query.alerts;

/** What an alert is about; docs/read-models.md (Alerts) explains how each is detected. */
public enum AlertType {
    LOW_STOCK, STOCKOUT, PROJECTED_STOCKOUT, DEMAND_SPIKE, OVERDUE_PURCHASE_ORDER, DELAYED_SHIPMENT, ANOMALOUS_ADJUSTMENT
}
