package io.supplyline.command.lookup;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A customer order as shipments need to see it: its warehouse, its status and its one shipment. */
@Entity
@Table(name = "known_order")
public class KnownOrder extends PanacheEntityBase {

    @Id
    public String orderId;
    public String warehouse;
    public String status;
    public String shipmentId;

    public static KnownOrder placed(String orderId, String warehouse, String status) {
        KnownOrder order = new KnownOrder();
        order.orderId = orderId;
        order.warehouse = warehouse;
        order.status = status;
        return order;
    }
}
