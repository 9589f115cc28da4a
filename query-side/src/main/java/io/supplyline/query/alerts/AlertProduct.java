package io.supplyline.query.alerts;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;


/** A product's reorder policy, as the stock alerts need it. */
@Entity
@Table(name = "alert_product")
public class AlertProduct extends AlertRow {

    /** The aggregate id. */
    @Id
    public String id;
    public long reorderPoint;
    public long reorderQuantity;
    /** The supplier of the latest purchase order for this SKU: whose lead time a projection uses. */
    public String lastSupplier;
    /** When that order was placed: "latest" goes by the orders' own time, not by their arrival. */
    public Instant lastSupplierAt;

    /** Orders of different aggregates may arrive in any order; the one placed last wins, whenever it arrives. */
    void orderedFrom(String supplier, Instant placedAt) {
        if (lastSupplierAt == null || placedAt.isAfter(lastSupplierAt)
                || placedAt.equals(lastSupplierAt) && supplier.compareTo(lastSupplier) > 0) {
            lastSupplier = supplier;
            lastSupplierAt = placedAt;
        }
    }

    protected AlertProduct() {
    }

    AlertProduct(String id) {
        this.id = id;
    }
}
