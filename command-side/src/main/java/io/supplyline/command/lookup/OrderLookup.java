package io.supplyline.command.lookup;

import java.util.Optional;

import io.supplyline.command.fulfilment.FulfilmentStatus;
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
}
