package io.supplyline.query.stock;

import java.time.Instant;
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
import io.supplyline.query.projection.ProjectionRows;

/**
 * Stock levels per warehouse and SKU. Kafka delivers at least once, so every change first checks
 * the aggregate's sequence number against the last one applied and skips what it has seen.
 */
@Singleton
@ProcessingGroup(StockLevelProjection.NAME)
public class StockLevelProjection {

    public static final String NAME = "stock-levels";

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
        ProductPolicy policy = ProductPolicy.findById(sku);
        if (policy == null) {
            policy = new ProductPolicy();
            policy.sku = sku;
            policy.version = -1;
            policy.persist();
        } else if (sequence <= policy.version) {
            return;
        }
        policy.reorderPoint = reorderPoint;
        policy.version = sequence;
        StockLevel.<StockLevel>stream("sku", sku).forEach(level -> level.reorderPointIs(reorderPoint));
        rows.changed();
    }

    private void apply(StockItemId item, long sequence, Instant at, Consumer<StockLevel> change) {
        rows.applyOnce(StockLevel.class, item.aggregateId(),
                id -> StockLevel.startTracking(item, ProductPolicy.reorderPointOf(item.sku().value())), sequence, at, change);
    }
}
