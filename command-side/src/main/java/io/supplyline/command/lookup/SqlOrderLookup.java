package io.supplyline.command.lookup;

import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Singleton;

import io.supplyline.events.fulfilment.SalesOrderId;
import io.supplyline.events.shipping.ShipmentId;
import io.supplyline.events.warehouse.WarehouseCode;

/** Reads the order lookup table inside the command's transaction. */
@Singleton
public class SqlOrderLookup implements OrderLookup {

    private final LookupRows rows;

    SqlOrderLookup(LookupRows rows) {
        this.rows = rows;
    }

    @Override
    public Optional<OrderView> order(SalesOrderId order) {
        return read("SELECT warehouse, status, shipment_id FROM known_order WHERE order_id = ?", order);
    }

    @Override
    public Optional<OrderView> orderForChange(SalesOrderId order) {
        return read("SELECT warehouse, status, shipment_id FROM known_order WHERE order_id = ? FOR UPDATE", order);
    }

    private Optional<OrderView> read(String query, SalesOrderId order) {
        return rows.first(query,
                row -> new OrderView(new WarehouseCode(row.getString(1)), FulfilmentStatus.valueOf(row.getString(2)),
                        Optional.ofNullable(row.getString(3)).map(id -> new ShipmentId(UUID.fromString(id)))),
                order.toString());
    }
}
