package io.supplyline.query.stock;

import java.time.Instant;
import java.util.OptionalLong;
import java.util.function.Consumer;

import jakarta.inject.Singleton;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;

import io.supplyline.events.catalog.ProductRegistered;
import io.supplyline.events.catalog.ReorderPolicyChanged;
import io.supplyline.events.inventory.ReservationReleased;
import io.supplyline.events.inventory.StockAdjusted;
import io.supplyline.events.inventory.StockIssued;
import io.supplyline.events.inventory.StockItemId;
import io.supplyline.events.inventory.StockReceived;
import io.supplyline.events.inventory.StockReserved;
import io.supplyline.events.purchasing.GoodsReceived;
import io.supplyline.events.purchasing.PurchaseOrderCancelled;
import io.supplyline.events.purchasing.PurchaseOrderId;
import io.supplyline.events.purchasing.PurchaseOrderPlaced;
import io.supplyline.query.projection.AppliedVersions;
import io.supplyline.query.projection.ProjectionNames;
import io.supplyline.query.projection.ProjectionRows;

/**
 * Stock levels per warehouse and SKU. Kafka delivers at least once, so every change first checks
 * the aggregate's sequence number against the last one applied and skips what it has seen.
 */
@Singleton
@ProcessingGroup(ProjectionNames.STOCK_LEVELS)
public class StockLevelProjection implements AppliedVersions {

    private final ProjectionRows rows;

    StockLevelProjection(ProjectionRows rows) {
        this.rows = rows;
    }

    @EventHandler
    void on(StockReceived event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.stockItemId(), sequence, at, level -> level.changeOnHand(event.quantity().value()));
    }

    @EventHandler
    void on(StockAdjusted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.stockItemId(), sequence, at, level -> level.changeOnHand(event.delta()));
    }

    @EventHandler
    void on(StockReserved event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.stockItemId(), sequence, at, level -> level.changeReserved(event.quantity().value()));
    }

    @EventHandler
    void on(ReservationReleased event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.stockItemId(), sequence, at, level -> level.changeReserved(-event.quantity().value()));
    }

    @EventHandler
    void on(StockIssued event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.stockItemId(), sequence, at, level -> level.issue(event.quantity().value()));
    }

    @EventHandler
    void on(ProductRegistered event, @SequenceNumber long sequence) {
        reorderPointIs(event.sku().value(), event.reorderPolicy().reorderPoint(), sequence);
    }

    @EventHandler
    void on(ReorderPolicyChanged event, @SequenceNumber long sequence) {
        reorderPointIs(event.sku().value(), event.reorderPolicy().reorderPoint(), sequence);
    }

    private void reorderPointIs(String sku, long reorderPoint, long sequence) {
        ProductPolicy policy = rows.find(ProductPolicy.class, sku);
        if (policy == null) {
            policy = rows.add(ProductPolicy.of(sku));
        } else if (sequence <= policy.version) {
            return;
        }
        policy.reorderPoint = reorderPoint;
        policy.version = sequence;
        rows.where(StockLevel.class, "sku", sku).forEach(level -> {
            level.reorderPointIs(reorderPoint);
            rows.changed("stock-level", level.id, () -> StockLevelView.of(level));
        });
    }

    /** A purchase order placed: everything on it is on its way to the order's warehouse. */
    @EventHandler
    void on(PurchaseOrderPlaced event, @SequenceNumber long sequence, @Timestamp Instant at) {
        inbound(event.purchaseOrderId(), sequence, at, order -> {
            order.warehouse = event.warehouse().value();
            event.lines().forEach(line -> {
                order.remaining.merge(line.sku().value(), (long) line.quantity().value(), Long::sum);
                changeInbound(order.warehouse, line.sku().value(), line.quantity().value());
            });
        });
    }

    @EventHandler
    void on(GoodsReceived event, @SequenceNumber long sequence, @Timestamp Instant at) {
        inbound(event.purchaseOrderId(), sequence, at, order -> event.lines().forEach(line -> {
            String sku = line.sku().value();
            long arrived = Math.min(line.quantity().value(), order.remaining.getOrDefault(sku, 0L));
            order.remaining.put(sku, order.remaining.getOrDefault(sku, 0L) - arrived);
            changeInbound(order.warehouse, sku, -arrived);
        }));
    }

    /** Whatever had not arrived will not come. */
    @EventHandler
    void on(PurchaseOrderCancelled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        inbound(event.purchaseOrderId(), sequence, at, order -> {
            order.remaining.forEach((sku, left) -> changeInbound(order.warehouse, sku, -left));
            order.remaining.replaceAll((sku, left) -> 0L);
        });
    }

    private void inbound(PurchaseOrderId order, long sequence, Instant at, Consumer<InboundOrder> change) {
        rows.applyOnce(InboundOrder.class, order.aggregateId(), InboundOrder::new, sequence, at, change);
    }

    /** Inbound is not the stock item's own event: the level's version stays the stock item's. */
    private void changeInbound(String warehouse, String sku, long delta) {
        StockItemId item = StockItemId.of(warehouse, sku);
        StockLevel level = rows.find(StockLevel.class, item.aggregateId());
        if (level == null) {
            level = rows.add(StockLevel.startTracking(item, reorderPointOf(sku)));
        }
        level.changeInbound(delta);
        StockLevel changed = level;
        rows.changed("stock-level", level.id, () -> StockLevelView.of(changed));
    }

    /** A stock item's own event: the level changes, and its history gets the new point. */
    private void apply(StockItemId item, long sequence, Instant at, Consumer<StockLevel> change) {
        rows.applyOnce(StockLevel.class, item.aggregateId(),
                id -> StockLevel.startTracking(item, reorderPointOf(item.sku().value())), sequence, at,
                change.andThen(level -> rows.append(StockLevelPoint.of(level))));
    }

    private long reorderPointOf(String sku) {
        ProductPolicy policy = rows.find(ProductPolicy.class, sku);
        return policy == null ? 0 : policy.reorderPoint;
    }

    /** Stock items directly; purchase orders for the inbound column; products for the reorder point. */
    @Override
    public OptionalLong appliedVersion(String aggregateId) {
        if (aggregateId.startsWith("stock:")) {
            return AppliedVersions.of(StockLevel.findById(aggregateId));
        }
        if (aggregateId.startsWith("purchase-order:")) {
            return AppliedVersions.of(InboundOrder.findById(aggregateId));
        }
        if (aggregateId.startsWith("product:")) {
            ProductPolicy policy = ProductPolicy.findById(aggregateId.substring("product:".length()));
            return OptionalLong.of(policy == null ? -1 : policy.version);
        }
        return OptionalLong.empty();
    }
}
