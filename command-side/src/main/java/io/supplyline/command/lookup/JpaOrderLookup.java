package io.supplyline.command.lookup;

import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Singleton;

import io.supplyline.command.fulfilment.FulfilmentStatus;
import io.supplyline.events.fulfilment.SalesOrderId;
import io.supplyline.events.shipping.ShipmentId;
import io.supplyline.events.warehouse.WarehouseCode;

/** Reads the order lookup table inside the command's transaction. */
@Singleton
public class JpaOrderLookup implements OrderLookup {

    @Override
    public Optional<OrderView> order(SalesOrderId order) {
        return KnownOrder.<KnownOrder>findByIdOptional(order.toString())
                .map(known -> new OrderView(new WarehouseCode(known.warehouse), FulfilmentStatus.valueOf(known.status),
                        Optional.ofNullable(known.shipmentId).map(id -> new ShipmentId(UUID.fromString(id)))));
    }
}
