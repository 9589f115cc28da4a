package io.supplyline.query.alerts;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;


/** A customer order, seen once: its lines are demand. */
@Entity
@Table(name = "alert_order")
public class AlertOrder extends AlertRow {

    /** The aggregate id. */
    @Id
    public String id;

    protected AlertOrder() {
    }

    AlertOrder(String id) {
        this.id = id;
    }
}
