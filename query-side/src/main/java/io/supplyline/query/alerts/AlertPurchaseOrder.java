package io.supplyline.query.alerts;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;


/** A purchase order while goods are still expected. */
@Entity
@Table(name = "alert_purchase_order")
public class AlertPurchaseOrder extends AlertRow {

    /** The aggregate id. */
    @Id
    public String id;
    public String supplier;
    public String warehouse;
    public LocalDate expectedDeliveryDate;
    public boolean expecting;

    protected AlertPurchaseOrder() {
    }

    AlertPurchaseOrder(String id) {
        this.id = id;
    }
}
