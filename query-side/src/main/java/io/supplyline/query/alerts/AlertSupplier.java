package io.supplyline.query.alerts;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;


/** A supplier's lead time, for projected stockouts. */
@Entity
@Table(name = "alert_supplier")
public class AlertSupplier extends AlertRow {

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
