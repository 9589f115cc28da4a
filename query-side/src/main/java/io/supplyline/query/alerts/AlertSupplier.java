package io.supplyline.query.alerts;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.supplyline.query.projection.ProjectedRow;

/** A supplier's lead time, for projected stockouts. */
@Entity
@Table(name = "alert_supplier")
public class AlertSupplier extends ProjectedRow {

    /** The aggregate id. */
    @Id
    public String id;
    public int leadTimeDays;
    protected AlertSupplier() {
    }

    AlertSupplier(String id) {
        this.id = id;
    }
}
