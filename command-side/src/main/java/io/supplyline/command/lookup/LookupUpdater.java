package io.supplyline.command.lookup;

import jakarta.inject.Singleton;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

import io.supplyline.command.processors.ProcessorNames;
import io.supplyline.command.rules.DuplicateRegistration;
import io.supplyline.events.catalog.ProductDiscontinued;
import io.supplyline.events.catalog.ProductRegistered;
import io.supplyline.events.fulfilment.OrderAllocated;
import io.supplyline.events.fulfilment.OrderBackordered;
import io.supplyline.events.fulfilment.OrderCancelled;
import io.supplyline.events.fulfilment.OrderDelivered;
import io.supplyline.events.fulfilment.OrderPlaced;
import io.supplyline.events.fulfilment.OrderShipped;
import io.supplyline.events.fulfilment.SalesOrderId;
import io.supplyline.events.shipping.ShipmentCreated;
import io.supplyline.events.shipping.ShipmentDispatched;
import io.supplyline.events.supplier.SupplierRegistered;
import io.supplyline.events.supplier.SupplierReinstated;
import io.supplyline.events.supplier.SupplierSuspended;
import io.supplyline.events.warehouse.WarehouseRegistered;

/**
 * Keeps the lookup tables. Runs in a subscribing processor, so each row is written in the same
 * transaction as the event that caused it: a registration is either in both or in neither.
 */
@Singleton
@ProcessingGroup(ProcessorNames.LOOKUPS)
public class LookupUpdater {

    private final LookupRows rows;

    LookupUpdater(LookupRows rows) {
        this.rows = rows;
    }

    @EventHandler
    void on(ProductRegistered event) {
        rows.change("INSERT INTO known_product (sku, discontinued) VALUES (?, FALSE)", event.sku().value());
    }

    @EventHandler
    void on(ProductDiscontinued event) {
        rows.change("UPDATE known_product SET discontinued = TRUE WHERE sku = ?", event.sku().value());
    }

    @EventHandler
    void on(WarehouseRegistered event) {
        rows.change("INSERT INTO known_warehouse (code) VALUES (?)", event.code().value());
    }

    @EventHandler
    void on(SupplierRegistered event) {
        rows.change("INSERT INTO known_supplier (code, suspended) VALUES (?, FALSE)", event.code().value());
    }

    @EventHandler
    void on(SupplierSuspended event) {
        rows.change("UPDATE known_supplier SET suspended = TRUE WHERE code = ?", event.code().value());
    }

    @EventHandler
    void on(SupplierReinstated event) {
        rows.change("UPDATE known_supplier SET suspended = FALSE WHERE code = ?", event.code().value());
    }

    @EventHandler
    void on(OrderPlaced event) {
        rows.change("INSERT INTO known_order (order_id, warehouse, status) VALUES (?, ?, ?)",
                event.orderId().toString(), event.warehouse().value(), FulfilmentStatus.PLACED.name());
    }

    @EventHandler
    void on(OrderAllocated event) {
        orderNow(event.orderId(), FulfilmentStatus.ALLOCATED);
    }

    @EventHandler
    void on(OrderBackordered event) {
        orderNow(event.orderId(), FulfilmentStatus.BACKORDERED);
    }

    @EventHandler
    void on(OrderShipped event) {
        orderNow(event.orderId(), FulfilmentStatus.SHIPPED);
    }

    @EventHandler
    void on(OrderDelivered event) {
        orderNow(event.orderId(), FulfilmentStatus.DELIVERED);
    }

    @EventHandler
    void on(OrderCancelled event) {
        orderNow(event.orderId(), FulfilmentStatus.CANCELLED);
    }

    /** The order counts as shipped from its dispatch on, before the fulfilment process records it on the order. */
    @EventHandler
    void on(ShipmentDispatched event) {
        orderNow(event.orderId(), FulfilmentStatus.SHIPPED);
    }

    /**
     * One shipment per order, a rule over all shipments: the shipment aggregate sees only itself, so two
     * shipments created concurrently for one order both pass its check. This conditional update lets only
     * the first commit (the second waits for the row lock, then finds the shipment set), and the other's
     * command is refused with its events.
     */
    @EventHandler
    void on(ShipmentCreated event) {
        int claimed = rows.change("UPDATE known_order SET shipment_id = ? WHERE order_id = ? AND shipment_id IS NULL",
                event.shipmentId().toString(), event.orderId().toString());
        if (claimed == 0) {
            throw new DuplicateRegistration("ORDER_HAS_SHIPMENT", "Order " + event.orderId() + " already has a shipment");
        }
        rows.change("INSERT INTO known_shipment (shipment_id, carrier, tracking_number) VALUES (?, ?, ?)",
                event.shipmentId().toString(), event.carrier(), event.trackingNumber());
    }

    private void orderNow(SalesOrderId order, FulfilmentStatus status) {
        rows.change("UPDATE known_order SET status = ? WHERE order_id = ?", status.name(), order.toString());
    }
}
