package io.supplyline.query.alerts;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.supplyline.query.projection.ProjectedRow;

/** A product's reorder policy, as the stock alerts need it. */
@Entity
@Table(name = "alert_product")
public class AlertProduct extends ProjectedRow {

    /** The aggregate id. */
    @Id
    public String id;
    public long reorderPoint;
    public long reorderQuantity;
    /** The supplier of the latest purchase order for this SKU: whose lead time a projection uses. */
    public String lastSupplier;

    protected AlertProduct() {
    }

    AlertProduct(String id) {
        this.id = id;
    }
}
