package io.supplyline.command.lookup;

import jakarta.inject.Singleton;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

import io.supplyline.command.axon.AxonConfiguration;
import io.supplyline.command.fulfilment.FulfilmentStatus;
import io.supplyline.command.rules.BusinessRuleViolation;
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
@ProcessingGroup(AxonConfiguration.LOOKUPS)
public class LookupUpdater {

    @EventHandler
    void on(ProductRegistered event) {
        KnownProduct.registered(event.sku().value()).persistAndFlush();
    }

    @EventHandler
    void on(ProductDiscontinued event) {
        KnownProduct.<KnownProduct>findByIdOptional(event.sku().value())
                .ifPresent(product -> product.discontinued = true);
    }

    @EventHandler
    void on(WarehouseRegistered event) {
        KnownWarehouse.registered(event.code().value()).persistAndFlush();
    }

    @EventHandler
    void on(SupplierRegistered event) {
        KnownSupplier.registered(event.code().value()).persistAndFlush();
    }

    @EventHandler
    void on(SupplierSuspended event) {
        KnownSupplier.<KnownSupplier>findByIdOptional(event.code().value())
                .ifPresent(supplier -> supplier.suspended = true);
    }

    @EventHandler
    void on(SupplierReinstated event) {
        KnownSupplier.<KnownSupplier>findByIdOptional(event.code().value())
                .ifPresent(supplier -> supplier.suspended = false);
    }

    @EventHandler
    void on(OrderPlaced event) {
        KnownOrder.placed(event.orderId().toString(), event.warehouse().value(), FulfilmentStatus.PLACED.name())
                .persistAndFlush();
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

    /**
     * Cancelling and dispatching one order exclude each other: each changes the order's row only if
     * the other has not, so of two that race, the one that commits second changes nothing and its
     * command is refused with everything it appended. (The row lock makes the second wait for the
     * first, then see its status.)
     */
    @EventHandler
    void on(OrderCancelled event) {
        int cancelled = KnownOrder.update("status = ?1 where orderId = ?2 and status not in (?3, ?4)",
                FulfilmentStatus.CANCELLED.name(), event.orderId().toString(),
                FulfilmentStatus.SHIPPED.name(), FulfilmentStatus.DELIVERED.name());
        if (cancelled == 0) {
            throw new BusinessRuleViolation("ORDER_ALREADY_SHIPPED",
                    "Order " + event.orderId() + " has been dispatched and can no longer be cancelled");
        }
    }

    /** The order counts as shipped from its dispatch on; see the cancellation above. */
    @EventHandler
    void on(ShipmentDispatched event) {
        int shipped = KnownOrder.update("status = ?1 where orderId = ?2 and status = ?3",
                FulfilmentStatus.SHIPPED.name(), event.orderId().toString(), FulfilmentStatus.ALLOCATED.name());
        if (shipped == 0) {
            throw new BusinessRuleViolation("ORDER_NOT_ALLOCATED",
                    "Order " + event.orderId() + " is no longer allocated (cancelled meanwhile?)");
        }
    }

    /**
     * One shipment per order. Two shipments created concurrently for one order both passed the
     * aggregate's check; this conditional update lets only the first commit (the second waits for the
     * row lock, then finds the shipment set), and the other's command is refused with its events.
     */
    @EventHandler
    void on(ShipmentCreated event) {
        int claimed = KnownOrder.update("shipmentId = ?1 where orderId = ?2 and shipmentId is null",
                event.shipmentId().toString(), event.orderId().toString());
        if (claimed == 0) {
            throw new DuplicateRegistration("ORDER_HAS_SHIPMENT", "Order " + event.orderId() + " already has a shipment");
        }
    }

    private static void orderNow(SalesOrderId order, FulfilmentStatus status) {
        KnownOrder.update("status = ?1 where orderId = ?2", status.name(), order.toString());
    }
}
