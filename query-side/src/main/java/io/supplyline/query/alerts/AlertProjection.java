package io.supplyline.query.alerts;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Consumer;

import jakarta.inject.Singleton;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;

import io.supplyline.events.catalog.ProductRegistered;
import io.supplyline.events.catalog.ReorderPolicy;
import io.supplyline.events.catalog.ReorderPolicyChanged;
import io.supplyline.events.catalog.Sku;
import io.supplyline.events.fulfilment.OrderPlaced;
import io.supplyline.events.inventory.ReservationReleased;
import io.supplyline.events.inventory.StockAdjusted;
import io.supplyline.events.inventory.StockIssued;
import io.supplyline.events.inventory.StockItemId;
import io.supplyline.events.inventory.StockReceived;
import io.supplyline.events.inventory.StockReserved;
import io.supplyline.events.purchasing.GoodsReceived;
import io.supplyline.events.purchasing.PurchaseOrderCancelled;
import io.supplyline.events.purchasing.PurchaseOrderFullyReceived;
import io.supplyline.events.purchasing.PurchaseOrderId;
import io.supplyline.events.purchasing.PurchaseOrderPlaced;
import io.supplyline.events.shipping.ShipmentCreated;
import io.supplyline.events.shipping.ShipmentDelayed;
import io.supplyline.events.shipping.ShipmentDelivered;
import io.supplyline.events.shipping.ShipmentDispatched;
import io.supplyline.events.shipping.ShipmentExceptionReported;
import io.supplyline.events.shipping.ShipmentExceptionType;
import io.supplyline.events.shipping.ShipmentId;
import io.supplyline.events.supplier.SupplierRegistered;
import io.supplyline.query.projection.AppliedVersions;
import io.supplyline.query.projection.ProjectionRows;

/**
 * Alerts that open and resolve as events arrive. It keeps its own copy of what the detectors need
 * (stock quantities, reorder policies, open purchase orders and what they bring, shipments on their way),
 * so it depends on no other read model; time-based alerts follow the events' own clock ({@link AlertClock}).
 */
@Singleton
@ProcessingGroup(AlertProjection.NAME)
public class AlertProjection implements AppliedVersions {

    public static final String NAME = "alerts";

    private final ProjectionRows rows;
    private final AlertBook alerts;
    private final AlertSettings settings;

    AlertProjection(ProjectionRows rows, AlertBook alerts, AlertSettings settings) {
        this.rows = rows;
        this.alerts = alerts;
        this.settings = settings;
    }

    // --- stock: low stock, stockout, anomalous adjustments

    @EventHandler
    void on(StockReceived event, @SequenceNumber long sequence, EventMessage<?> message) {
        stock(event.stockItemId(), sequence, message, item -> item.onHand += event.quantity().value());
    }

    /** Judged against the item's earlier adjustments before it joins them. */
    @EventHandler
    void on(StockAdjusted event, @SequenceNumber long sequence, EventMessage<?> message) {
        stock(event.stockItemId(), sequence, message, item -> {
            judgeAdjustment(item, Math.abs(event.delta()), message);
            item.onHand += event.delta();
        });
    }

    @EventHandler
    void on(StockReserved event, @SequenceNumber long sequence, EventMessage<?> message) {
        stock(event.stockItemId(), sequence, message, item -> item.reserved += event.quantity().value());
    }

    @EventHandler
    void on(ReservationReleased event, @SequenceNumber long sequence, EventMessage<?> message) {
        stock(event.stockItemId(), sequence, message, item -> item.reserved -= event.quantity().value());
    }

    @EventHandler
    void on(StockIssued event, @SequenceNumber long sequence, EventMessage<?> message) {
        stock(event.stockItemId(), sequence, message, item -> {
            item.onHand -= event.quantity().value();
            item.reserved -= event.quantity().value();
        });
    }

    @EventHandler
    void on(ProductRegistered event, @SequenceNumber long sequence, EventMessage<?> message) {
        policy(event.sku(), event.reorderPolicy(), sequence, message);
    }

    @EventHandler
    void on(ReorderPolicyChanged event, @SequenceNumber long sequence, EventMessage<?> message) {
        policy(event.sku(), event.reorderPolicy(), sequence, message);
    }

    private void stock(StockItemId id, long sequence, EventMessage<?> message, Consumer<AlertStockItem> change) {
        rows.applyOnce(AlertStockItem.class, id.aggregateId(), aggregateId -> new AlertStockItem(id), sequence,
                message.getTimestamp(), item -> {
                    change.accept(item);
                    judgeStock(item, message);
                });
    }

    private void policy(Sku sku, ReorderPolicy policy, long sequence, EventMessage<?> message) {
        rows.applyOnce(AlertProduct.class, sku.aggregateId(), AlertProduct::new, sequence, message.getTimestamp(),
                product -> {
                    product.reorderPoint = policy.reorderPoint();
                    product.reorderQuantity = policy.reorderQuantity();
                    rows.where(AlertStockItem.class, "sku", sku.value()).forEach(item -> judgeStock(item, message));
                });
    }

    /** A product's row without a product event of its own (its version stays the product's). */
    private AlertProduct productRow(Sku sku) {
        AlertProduct product = rows.find(AlertProduct.class, sku.aggregateId());
        if (product == null) {
            product = rows.add(new AlertProduct(sku.aggregateId()));
        }
        return product;
    }

    /**
     * Out when nothing is available; low when what is available is at or below the reorder point. An item only
     * ordered so far has no stock to judge (and no stockout: it never had any).
     */
    private void judgeStock(AlertStockItem item, EventMessage<?> cause) {
        if (!item.stocked()) {
            return;
        }
        AlertProduct policy = rows.find(AlertProduct.class, "product:" + item.sku);
        long reorderPoint = policy == null ? 0 : policy.reorderPoint;
        long reorderQuantity = policy == null ? 0 : policy.reorderQuantity;
        long available = item.onHand - item.reserved;
        if (available <= 0) {
            alerts.resolve(AlertType.LOW_STOCK, item.id, cause);
            Alert out = alerts.open(AlertType.STOCKOUT, item.id, cause, "Nothing of " + item.sku + " is available in "
                    + item.warehouse + " (" + item.onHand + " on hand, " + item.reserved + " reserved)");
            reorderCue(about(out, item), item, reorderPoint, reorderQuantity);
        } else if (available <= reorderPoint) {
            alerts.resolve(AlertType.STOCKOUT, item.id, cause);
            Alert low = alerts.open(AlertType.LOW_STOCK, item.id, cause, available + " of " + item.sku + " available in "
                    + item.warehouse + ", at or below the reorder point " + reorderPoint);
            reorderCue(about(low, item), item, reorderPoint, reorderQuantity);
        } else {
            alerts.resolve(AlertType.STOCKOUT, item.id, cause);
            alerts.resolve(AlertType.LOW_STOCK, item.id, cause);
        }
        judgeProjection(item, rows.find(AlertDemand.class, item.id), cause);
    }

    /**
     * What the reorder policy suggests ordering (back above the reorder point by a full reorder quantity, at least
     * one), and whether to order it now: only if nothing is on its way already.
     */
    private static void reorderCue(Alert alert, AlertStockItem item, long reorderPoint, long reorderQuantity) {
        alert.suggestedReorderQuantity = reorderPoint - (item.onHand - item.reserved) + Math.max(1, reorderQuantity);
        alert.reorderNow = item.inbound <= 0;
    }

    // --- demand: spikes and projected stockouts

    @EventHandler
    void on(OrderPlaced event, @SequenceNumber long sequence, EventMessage<?> message) {
        rows.applyOnce(AlertOrder.class, event.orderId().aggregateId(), AlertOrder::new, sequence,
                message.getTimestamp(), order -> event.lines().forEach(line -> {
                    StockItemId id = new StockItemId(event.warehouse(), line.sku());
                    AlertDemand demand = demandOf(id.aggregateId());
                    if (demand.order(message.getTimestamp(), line.quantity().value(), settings.demandAlpha())) {
                        alerts.resolve(AlertType.DEMAND_SPIKE, id.aggregateId(), message);
                    }
                    judgeSpike(demand, id, message);
                    AlertStockItem item = rows.find(AlertStockItem.class, id.aggregateId());
                    if (item != null && item.stocked()) {
                        judgeProjection(item, demand, message);
                    }
                }));
    }

    private AlertDemand demandOf(String stockItemId) {
        AlertDemand demand = rows.find(AlertDemand.class, stockItemId);
        if (demand == null) {
            demand = rows.add(new AlertDemand(stockItemId));
        }
        return demand;
    }

    @EventHandler
    void on(SupplierRegistered event, @SequenceNumber long sequence, EventMessage<?> message) {
        rows.applyOnce(AlertSupplier.class, event.code().aggregateId(), AlertSupplier::new, sequence,
                message.getTimestamp(), supplier -> supplier.leadTimeDays = event.leadTimeDays());
    }

    /**
     * A spike: this hour's ordered units exceed {@code spikeFactor} times the item's average hourly
     * demand and {@code spikeMinUnits}, once {@code demandMinHours} hours are known. It resolves when the
     * next hour with orders begins.
     */
    private void judgeSpike(AlertDemand demand, StockItemId id, EventMessage<?> cause) {
        double limit = Math.max(settings.spikeMinUnits(), settings.spikeFactor() * demand.baselinePerHour);
        if (demand.hoursSeen >= settings.demandMinHours() && demand.currentHourUnits > limit) {
            Alert spike = alerts.open(AlertType.DEMAND_SPIKE, id.aggregateId(), cause, String.format(Locale.ROOT, 
                    "%d %s ordered from %s this hour; usually %.1f an hour (limit %.0f)", demand.currentHourUnits,
                    id.sku().value(), id.warehouse().value(), demand.baselinePerHour, limit));
            spike.warehouse = id.warehouse().value();
            spike.sku = id.sku().value();
        }
    }

    /**
     * Projected stockout: at the item's average demand, what is available runs out before the lead
     * time of the SKU's latest supplier (or {@code defaultLeadTimeDays}) would bring more.
     */
    private void judgeProjection(AlertStockItem item, AlertDemand demand, EventMessage<?> cause) {
        long available = item.onHand - item.reserved;
        boolean known = demand != null && demand.hoursSeen >= settings.demandMinHours() && demand.baselinePerHour > 0;
        if (!known || available <= 0) {
            alerts.resolve(AlertType.PROJECTED_STOCKOUT, item.id, cause);
            return;
        }
        double perDay = demand.baselinePerHour * 24;
        double daysOfCover = available / perDay;
        AlertProduct product = rows.find(AlertProduct.class, "product:" + item.sku);
        AlertSupplier supplier = product == null || product.lastSupplier == null ? null
                : rows.find(AlertSupplier.class, "supplier:" + product.lastSupplier);
        int leadTime = supplier == null ? settings.defaultLeadTimeDays() : supplier.leadTimeDays;
        if (daysOfCover < leadTime) {
            about(alerts.open(AlertType.PROJECTED_STOCKOUT, item.id, cause, String.format(Locale.ROOT, 
                    "At %.0f a day, the %d %s available in %s last %.1f days; new stock takes %d days%s", perDay,
                    available, item.sku, item.warehouse, daysOfCover, leadTime,
                    supplier == null ? " (assumed)" : " from " + product.lastSupplier)), item);
        } else {
            alerts.resolve(AlertType.PROJECTED_STOCKOUT, item.id, cause);
        }
    }

    /**
     * An adjustment is anomalous when its size is more than {@code anomalySigmas} standard deviations
     * (at least one unit each) above the mean size of the item's earlier adjustments, once there are
     * {@code anomalyMinHistory} of them. A later ordinary adjustment resolves the alert.
     */
    private void judgeAdjustment(AlertStockItem item, long size, EventMessage<?> cause) {
        if (item.adjustments >= settings.anomalyMinHistory()) {
            double deviation = Math.max(1.0, Math.sqrt(item.adjustmentM2 / (item.adjustments - 1)));
            double limit = item.adjustmentMean + settings.anomalySigmas() * deviation;
            if (size > limit) {
                about(alerts.open(AlertType.ANOMALOUS_ADJUSTMENT, item.id, cause, String.format(Locale.ROOT, 
                        "An adjustment of %d %s in %s; this item's adjustments average %.1f (limit %.1f)",
                        size, item.sku, item.warehouse, item.adjustmentMean, limit)), item);
            } else {
                alerts.resolve(AlertType.ANOMALOUS_ADJUSTMENT, item.id, cause);
            }
        }
        item.adjustments++;
        double before = item.adjustmentMean;
        item.adjustmentMean += (size - before) / item.adjustments;
        item.adjustmentM2 += (size - before) * (size - item.adjustmentMean);
    }

    private static Alert about(Alert alert, AlertStockItem item) {
        alert.warehouse = item.warehouse;
        alert.sku = item.sku;
        return alert;
    }

    // --- purchase orders: still expected after their day; what they bring (the reorder cue)

    @EventHandler
    void on(PurchaseOrderPlaced event, @SequenceNumber long sequence, EventMessage<?> message) {
        purchaseOrder(event.purchaseOrderId(), sequence, message, order -> {
            order.supplier = event.supplier().value();
            order.warehouse = event.warehouse().value();
            order.expectedDeliveryDate = event.expectedDeliveryDate();
            order.expecting = true;
            judgeOverdue(order, today(message), message);
            event.lines().forEach(line -> {
                productRow(line.sku()).orderedFrom(event.supplier().value(), message.getTimestamp());
                order.remaining.merge(line.sku().value(), (long) line.quantity().value(), Long::sum);
                changeInbound(order.warehouse, line.sku().value(), line.quantity().value());
            });
        });
    }

    /** Counted as the stock levels count it: no more than the line still expects. */
    @EventHandler
    void on(GoodsReceived event, @SequenceNumber long sequence, EventMessage<?> message) {
        purchaseOrder(event.purchaseOrderId(), sequence, message, order -> event.lines().forEach(line -> {
            String sku = line.sku().value();
            long arrived = Math.min(line.quantity().value(), order.remaining.getOrDefault(sku, 0L));
            order.remaining.put(sku, order.remaining.getOrDefault(sku, 0L) - arrived);
            changeInbound(order.warehouse, sku, -arrived);
        }));
    }

    @EventHandler
    void on(PurchaseOrderFullyReceived event, @SequenceNumber long sequence, EventMessage<?> message) {
        purchaseOrder(event.purchaseOrderId(), sequence, message, order -> closePurchaseOrder(order, message));
    }

    /** Whatever had not arrived will not come. */
    @EventHandler
    void on(PurchaseOrderCancelled event, @SequenceNumber long sequence, EventMessage<?> message) {
        purchaseOrder(event.purchaseOrderId(), sequence, message, order -> {
            closePurchaseOrder(order, message);
            order.remaining.forEach((sku, left) -> changeInbound(order.warehouse, sku, -left));
            order.remaining.replaceAll((sku, left) -> 0L);
        });
    }

    /**
     * Inbound is no event of the stock item's own (its row's version stays the item's). When the item goes from
     * nothing on its way to something, or back, its open stock alert's reorder cue follows.
     */
    private void changeInbound(String warehouse, String sku, long delta) {
        StockItemId id = StockItemId.of(warehouse, sku);
        AlertStockItem item = rows.find(AlertStockItem.class, id.aggregateId());
        if (item == null) {
            item = rows.add(new AlertStockItem(id));
        }
        boolean wasOnItsWay = item.inbound > 0;
        item.inbound += delta;
        boolean nothingOnItsWay = item.inbound <= 0;
        if (wasOnItsWay == nothingOnItsWay) {
            for (AlertType type : List.of(AlertType.LOW_STOCK, AlertType.STOCKOUT)) {
                alerts.amend(type, item.id, alert -> alert.reorderNow = nothingOnItsWay);
            }
        }
    }

    private void closePurchaseOrder(AlertPurchaseOrder order, EventMessage<?> message) {
        order.expecting = false;
        alerts.resolve(AlertType.OVERDUE_PURCHASE_ORDER, order.id, message);
    }

    void judgeOverdue(AlertPurchaseOrder order, LocalDate today, EventMessage<?> cause) {
        if (order.expecting && order.expectedDeliveryDate.isBefore(today)) {
            Alert overdue = alerts.open(AlertType.OVERDUE_PURCHASE_ORDER, order.id, cause, "Purchase order from "
                    + order.supplier + " was expected on " + order.expectedDeliveryDate + " and is still open");
            overdue.warehouse = order.warehouse;
        }
    }

    private void purchaseOrder(PurchaseOrderId id, long sequence, EventMessage<?> message,
                               Consumer<AlertPurchaseOrder> change) {
        rows.applyOnce(AlertPurchaseOrder.class, id.aggregateId(), AlertPurchaseOrder::new, sequence,
                message.getTimestamp(), change);
    }

    // --- shipments later than promised

    @EventHandler
    void on(ShipmentCreated event, @SequenceNumber long sequence, EventMessage<?> message) {
        shipment(event.shipmentId(), sequence, message, shipment -> {
            shipment.warehouse = event.warehouse().value();
            shipment.promisedDeliveryDate = event.promisedDeliveryDate();
            shipment.eta = event.promisedDeliveryDate();
            shipment.onTheWay = true;
        });
    }

    @EventHandler
    void on(ShipmentDispatched event, @SequenceNumber long sequence, EventMessage<?> message) {
        shipment(event.shipmentId(), sequence, message, shipment -> judgeDelay(shipment, today(message), message));
    }

    @EventHandler
    void on(ShipmentDelayed event, @SequenceNumber long sequence, EventMessage<?> message) {
        shipment(event.shipmentId(), sequence, message, shipment -> {
            shipment.eta = event.newEta();
            judgeDelay(shipment, today(message), message);
        });
    }

    @EventHandler
    void on(ShipmentDelivered event, @SequenceNumber long sequence, EventMessage<?> message) {
        shipment(event.shipmentId(), sequence, message, shipment -> arrived(shipment, message));
    }

    @EventHandler
    void on(ShipmentExceptionReported event, @SequenceNumber long sequence, EventMessage<?> message) {
        shipment(event.shipmentId(), sequence, message, shipment -> {
            if (event.type() == ShipmentExceptionType.ORDER_CANCELLED) {
                arrived(shipment, message);
            }
        });
    }

    private void arrived(AlertShipment shipment, EventMessage<?> message) {
        shipment.onTheWay = false;
        alerts.resolve(AlertType.DELAYED_SHIPMENT, shipment.id, message);
    }

    /** Delayed: the estimate moved past the promise, or the estimated day has passed on the way. */
    void judgeDelay(AlertShipment shipment, LocalDate today, EventMessage<?> cause) {
        boolean movedPastPromise = shipment.eta.isAfter(shipment.promisedDeliveryDate);
        boolean estimatePassed = shipment.eta.isBefore(today);
        if (shipment.onTheWay && (movedPastPromise || estimatePassed)) {
            Alert delayed = alerts.open(AlertType.DELAYED_SHIPMENT, shipment.id, cause, "Shipment promised for "
                    + shipment.promisedDeliveryDate + " now expected " + shipment.eta
                    + (estimatePassed ? ", and that day has passed" : ""));
            delayed.warehouse = shipment.warehouse;
        }
    }

    private void shipment(ShipmentId id, long sequence, EventMessage<?> message, Consumer<AlertShipment> change) {
        rows.applyOnce(AlertShipment.class, id.aggregateId(), AlertShipment::new, sequence, message.getTimestamp(),
                change);
    }

    /** The alerts' clock, or the event's own day if that is later (the clock may not have seen it yet). */
    private LocalDate today(EventMessage<?> message) {
        LocalDate clock = EventDay.current(rows).eventDay;
        LocalDate day = dayOf(message);
        return clock == null || day.isAfter(clock) ? day : clock;
    }

    static LocalDate dayOf(EventMessage<?> message) {
        return LocalDate.ofInstant(message.getTimestamp(), ZoneOffset.UTC);
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
