package io.supplyline.query.alerts;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;


/** A shipment while it is on its way. */
@Entity
@Table(name = "alert_shipment")
public class AlertShipment extends AlertRow {

    /** The aggregate id. */
    @Id
    public String id;
    public String warehouse;
    public LocalDate promisedDeliveryDate;
    public LocalDate eta;
    public boolean onTheWay;

    protected AlertShipment() {
    }

    AlertShipment(String id) {
        this.id = id;
    }
}
