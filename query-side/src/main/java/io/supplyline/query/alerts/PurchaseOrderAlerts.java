package io.supplyline.query.alerts;

import java.util.function.Consumer;

import jakarta.inject.Singleton;

import org.axonframework.eventhandling.EventMessage;

import io.supplyline.events.purchasing.GoodsReceived;
import io.supplyline.events.purchasing.PurchaseOrderId;
import io.supplyline.events.purchasing.PurchaseOrderPlaced;
import io.supplyline.query.projection.ProjectionRows;

/**
 * The alert projection's copy of each purchase order: whether it is still expected (judged for being
 * overdue), and what it still brings to each stock item (the stock alerts' reorder cue), and which supplier
 * a product was last ordered from (its lead time, for projected stockouts).
 */
@Singleton
class PurchaseOrderAlerts {

    private final ProjectionRows rows;
    private final OverduePurchaseOrderDetector overduePurchaseOrders;
    private final StockLevelDetector stockLevels;

    PurchaseOrderAlerts(ProjectionRows rows, OverduePurchaseOrderDetector overduePurchaseOrders,
                        StockLevelDetector stockLevels) {
        this.rows = rows;
        this.overduePurchaseOrders = overduePurchaseOrders;
        this.stockLevels = stockLevels;
    }

    void placed(PurchaseOrderPlaced event, long sequence, EventMessage<?> message) {
        purchaseOrder(event.purchaseOrderId(), sequence, message, order -> {
            order.supplier = event.supplier().value();
            order.warehouse = event.warehouse().value();
            order.expectedDeliveryDate = event.expectedDeliveryDate();
            order.expecting = true;
            overduePurchaseOrders.judge(order, EventDay.today(rows, message), message);
            event.lines().forEach(line -> {
                productRow(line.sku().aggregateId()).orderedFrom(event.supplier().value(), message.getTimestamp());
                order.remaining.merge(line.sku().value(), (long) line.quantity().value(), Long::sum);
                stockLevels.inboundChanged(order.warehouse, line.sku().value(), line.quantity().value());
            });
        });
    }

    /** Counted as the stock levels count it: no more than the line still expects. */
    void goodsReceived(GoodsReceived event, long sequence, EventMessage<?> message) {
        purchaseOrder(event.purchaseOrderId(), sequence, message, order -> event.lines().forEach(line -> {
            String sku = line.sku().value();
            long arrived = Math.min(line.quantity().value(), order.remaining.getOrDefault(sku, 0L));
            order.remaining.put(sku, order.remaining.getOrDefault(sku, 0L) - arrived);
            stockLevels.inboundChanged(order.warehouse, sku, -arrived);
        }));
    }

    void fullyReceived(PurchaseOrderId id, long sequence, EventMessage<?> message) {
        purchaseOrder(id, sequence, message, order -> overduePurchaseOrders.closed(order, message));
    }

    /** Whatever had not arrived will not come. */
    void cancelled(PurchaseOrderId id, long sequence, EventMessage<?> message) {
        purchaseOrder(id, sequence, message, order -> {
            overduePurchaseOrders.closed(order, message);
            order.remaining.forEach((sku, left) -> stockLevels.inboundChanged(order.warehouse, sku, -left));
            order.remaining.replaceAll((sku, left) -> 0L);
        });
    }

    /** A product's row without a product event of its own (its version stays the product's). */
    private AlertProduct productRow(String productId) {
        AlertProduct product = rows.find(AlertProduct.class, productId);
        if (product == null) {
            product = rows.add(new AlertProduct(productId));
        }
        return product;
    }

    private void purchaseOrder(PurchaseOrderId id, long sequence, EventMessage<?> message,
                               Consumer<AlertPurchaseOrder> change) {
        rows.applyOnce(AlertPurchaseOrder.class, id.aggregateId(), AlertPurchaseOrder::new, sequence,
                message.getTimestamp(), change);
    }
}
