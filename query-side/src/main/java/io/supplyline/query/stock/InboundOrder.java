package io.supplyline.query.stock;

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

import io.supplyline.query.projection.ProjectedRow;

/** What one purchase order still brings into its warehouse, per SKU: the source of the stock levels' inbound. */
@Entity
@Table(name = "stock_inbound_order")
public class InboundOrder extends ProjectedRow {

    /** The PurchaseOrder aggregate id. */
    @Id
    public String id;
    public String warehouse;
    @ElementCollection
    @CollectionTable(name = "stock_inbound_line", joinColumns = @JoinColumn(name = "purchase_order_id"))
    @MapKeyColumn(name = "sku")
    @Column(name = "remaining")
    public Map<String, Long> remaining = new HashMap<>();

    protected InboundOrder() {
    }

    InboundOrder(String id) {
        this.id = id;
    }
}
