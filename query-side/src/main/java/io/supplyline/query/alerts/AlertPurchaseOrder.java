package io.supplyline.query.alerts;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
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
    /** What it still brings into its warehouse, per SKU: the source of the stock items' inbound units. */
    @ElementCollection
    @CollectionTable(name = "alert_purchase_order_line", joinColumns = @JoinColumn(name = "purchase_order_id"))
    @MapKeyColumn(name = "sku")
    @Column(name = "remaining")
    public Map<String, Long> remaining = new HashMap<>();

    protected AlertPurchaseOrder() {
    }

    AlertPurchaseOrder(String id) {
        this.id = id;
    }
}
