package io.supplyline.query.alerts;

import java.util.OptionalLong;

import jakarta.inject.Singleton;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;

import io.supplyline.events.catalog.ProductRegistered;
import io.supplyline.events.catalog.ReorderPolicyChanged;
import io.supplyline.events.fulfilment.OrderPlaced;
import io.supplyline.events.inventory.ReservationReleased;
import io.supplyline.events.inventory.StockAdjusted;
import io.supplyline.events.inventory.StockIssued;
import io.supplyline.events.inventory.StockReceived;
import io.supplyline.events.inventory.StockReserved;
import io.supplyline.events.purchasing.GoodsReceived;
import io.supplyline.events.purchasing.PurchaseOrderCancelled;
import io.supplyline.events.purchasing.PurchaseOrderFullyReceived;
import io.supplyline.events.purchasing.PurchaseOrderPlaced;
import io.supplyline.events.shipping.ShipmentCreated;
import io.supplyline.events.shipping.ShipmentDelayed;
import io.supplyline.events.shipping.ShipmentDelivered;
import io.supplyline.events.shipping.ShipmentDispatched;
import io.supplyline.events.shipping.ShipmentExceptionReported;
import io.supplyline.events.supplier.SupplierRegistered;
import io.supplyline.query.projection.AppliedVersions;
import io.supplyline.query.projection.ProjectionNames;

/**
 * Alerts that open and resolve as events arrive. It keeps its own copy of what the detectors need
 * (stock quantities, reorder policies, open purchase orders and what they bring, shipments on their way),
 * so it depends on no other read model. Here each event goes to the part that keeps the copy of its
 * aggregate ({@link StockItemAlerts}, {@link PurchaseOrderAlerts}, {@link ShipmentAlerts}), which hands the
 * change to the detectors that judge it; they open and resolve alerts in the {@link AlertBook}.
 * Time-based alerts follow the events' own clock ({@link AlertClock}).
 */
@Singleton
@ProcessingGroup(ProjectionNames.ALERTS)
public class AlertProjection implements AppliedVersions {

    private final StockItemAlerts stockItems;
    private final PurchaseOrderAlerts purchaseOrders;
    private final ShipmentAlerts shipments;

    AlertProjection(StockItemAlerts stockItems, PurchaseOrderAlerts purchaseOrders, ShipmentAlerts shipments) {
        this.stockItems = stockItems;
        this.purchaseOrders = purchaseOrders;
        this.shipments = shipments;
    }

    @EventHandler
    void on(StockReceived event, @SequenceNumber long sequence, EventMessage<?> message) {
        stockItems.stock(event.stockItemId(), sequence, message, item -> item.onHand += event.quantity().value());
    }

    @EventHandler
    void on(StockAdjusted event, @SequenceNumber long sequence, EventMessage<?> message) {
        stockItems.adjusted(event, sequence, message);
    }

    @EventHandler
    void on(StockReserved event, @SequenceNumber long sequence, EventMessage<?> message) {
        stockItems.stock(event.stockItemId(), sequence, message, item -> item.reserved += event.quantity().value());
    }

    @EventHandler
    void on(ReservationReleased event, @SequenceNumber long sequence, EventMessage<?> message) {
        stockItems.stock(event.stockItemId(), sequence, message, item -> item.reserved -= event.quantity().value());
    }

    @EventHandler
    void on(StockIssued event, @SequenceNumber long sequence, EventMessage<?> message) {
        stockItems.stock(event.stockItemId(), sequence, message, item -> {
            item.onHand -= event.quantity().value();
            item.reserved -= event.quantity().value();
        });
    }

    @EventHandler
    void on(ProductRegistered event, @SequenceNumber long sequence, EventMessage<?> message) {
        stockItems.policy(event.sku(), event.reorderPolicy(), sequence, message);
    }

    @EventHandler
    void on(ReorderPolicyChanged event, @SequenceNumber long sequence, EventMessage<?> message) {
        stockItems.policy(event.sku(), event.reorderPolicy(), sequence, message);
    }

    @EventHandler
    void on(OrderPlaced event, @SequenceNumber long sequence, EventMessage<?> message) {
        stockItems.ordered(event, sequence, message);
    }

    @EventHandler
    void on(SupplierRegistered event, @SequenceNumber long sequence, EventMessage<?> message) {
        stockItems.supplierRegistered(event, sequence, message);
    }

    @EventHandler
    void on(PurchaseOrderPlaced event, @SequenceNumber long sequence, EventMessage<?> message) {
        purchaseOrders.placed(event, sequence, message);
    }

    @EventHandler
    void on(GoodsReceived event, @SequenceNumber long sequence, EventMessage<?> message) {
        purchaseOrders.goodsReceived(event, sequence, message);
    }

    @EventHandler
    void on(PurchaseOrderFullyReceived event, @SequenceNumber long sequence, EventMessage<?> message) {
        purchaseOrders.fullyReceived(event.purchaseOrderId(), sequence, message);
    }

    @EventHandler
    void on(PurchaseOrderCancelled event, @SequenceNumber long sequence, EventMessage<?> message) {
        purchaseOrders.cancelled(event.purchaseOrderId(), sequence, message);
    }

    @EventHandler
    void on(ShipmentCreated event, @SequenceNumber long sequence, EventMessage<?> message) {
        shipments.created(event, sequence, message);
    }

    @EventHandler
    void on(ShipmentDispatched event, @SequenceNumber long sequence, EventMessage<?> message) {
        shipments.dispatched(event.shipmentId(), sequence, message);
    }

    @EventHandler
    void on(ShipmentDelayed event, @SequenceNumber long sequence, EventMessage<?> message) {
        shipments.delayed(event.shipmentId(), event.newEta(), sequence, message);
    }

    @EventHandler
    void on(ShipmentDelivered event, @SequenceNumber long sequence, EventMessage<?> message) {
        shipments.delivered(event.shipmentId(), sequence, message);
    }

    @EventHandler
    void on(ShipmentExceptionReported event, @SequenceNumber long sequence, EventMessage<?> message) {
        shipments.exceptionReported(event.shipmentId(), event.type(), sequence, message);
    }

    @Override
    public OptionalLong appliedVersion(String aggregateId) {
        if (aggregateId.startsWith("stock:")) {
            return AppliedVersions.of(AlertStockItem.findById(aggregateId));
        }
        if (aggregateId.startsWith("product:")) {
            return AppliedVersions.of(AlertProduct.findById(aggregateId));
        }
        if (aggregateId.startsWith("purchase-order:")) {
            return AppliedVersions.of(AlertPurchaseOrder.findById(aggregateId));
        }
        if (aggregateId.startsWith("shipment:")) {
            return AppliedVersions.of(AlertShipment.findById(aggregateId));
        }
        if (aggregateId.startsWith("order:")) {
            return AppliedVersions.of(AlertOrder.findById(aggregateId));
        }
        if (aggregateId.startsWith("supplier:")) {
            return AppliedVersions.of(AlertSupplier.findById(aggregateId));
        }
        return OptionalLong.empty();
    }
}
