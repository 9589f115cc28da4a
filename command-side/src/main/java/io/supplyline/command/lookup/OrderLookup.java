package io.supplyline.command.lookup;

import java.util.Optional;

import io.supplyline.events.fulfilment.SalesOrderId;
import io.supplyline.events.shipping.ShipmentId;
import io.supplyline.events.warehouse.WarehouseCode;

/**
 * What a shipment needs to know about its order, from the table the command side keeps in the
 * same transaction as the order's events.
 */
public interface OrderLookup {

    record OrderView(WarehouseCode warehouse, FulfilmentStatus status, Optional<ShipmentId> shipment) {
    }

    Optional<OrderView> order(SalesOrderId order);

    /**
     * The order, its row locked until the command's transaction ends. Cancelling and dispatching one
     * order are commands of two aggregates; each reads the row this way before deciding, so of two that
     * race, the second waits for the first to commit and then decides on what it wrote.
     */
    default Optional<OrderView> orderForChange(SalesOrderId order) {
        return order(order);
    }
}
