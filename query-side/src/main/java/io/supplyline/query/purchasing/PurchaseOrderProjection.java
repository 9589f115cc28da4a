package io.supplyline.query.purchasing;

import java.time.Instant;
import java.util.OptionalLong;
import java.util.function.Consumer;

import jakarta.inject.Singleton;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;

import io.supplyline.events.purchasing.GoodsReceived;
import io.supplyline.events.purchasing.PurchaseOrderCancelled;
import io.supplyline.events.purchasing.PurchaseOrderFullyReceived;
import io.supplyline.events.purchasing.PurchaseOrderId;
import io.supplyline.events.purchasing.PurchaseOrderPlaced;
import io.supplyline.query.projection.AppliedVersions;
import io.supplyline.query.projection.ProjectionNames;
import io.supplyline.query.projection.ProjectionRows;

/** The purchase-order board: one row per purchase order, with what was ordered and what has arrived. */
@Singleton
@ProcessingGroup(ProjectionNames.PURCHASE_ORDERS)
public class PurchaseOrderProjection implements AppliedVersions {

    private final ProjectionRows rows;

    PurchaseOrderProjection(ProjectionRows rows) {
        this.rows = rows;
    }

    @EventHandler
    void on(PurchaseOrderPlaced event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.purchaseOrderId(), sequence, at, row -> {
            row.supplier = event.supplier().value();
            row.warehouse = event.warehouse().value();
            row.status = PurchaseOrderStatus.OPEN;
            row.expectedDeliveryDate = event.expectedDeliveryDate();
            row.lineCount = event.lines().size();
            row.unitsOrdered = event.lines().stream().mapToLong(line -> line.quantity().value()).sum();
            row.placedAt = at;
        });
    }

    @EventHandler
    void on(GoodsReceived event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.purchaseOrderId(), sequence, at, row -> {
            row.unitsReceived += event.lines().stream().mapToLong(line -> line.quantity().value()).sum();
            row.status = PurchaseOrderStatus.PARTIALLY_RECEIVED;
            row.lastReceiptAt = at;
        });
    }

    @EventHandler
    void on(PurchaseOrderFullyReceived event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.purchaseOrderId(), sequence, at, row -> row.status = PurchaseOrderStatus.RECEIVED);
    }

    @EventHandler
    void on(PurchaseOrderCancelled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.purchaseOrderId(), sequence, at, row -> row.status = PurchaseOrderStatus.CANCELLED);
    }

    private void apply(PurchaseOrderId order, long sequence, Instant at, Consumer<PurchaseOrderRow> change) {
        rows.applyOnce(PurchaseOrderRow.class, order.aggregateId(), PurchaseOrderRow::new, sequence, at, change);
    }

    @Override
    public OptionalLong appliedVersion(String aggregateId) {
        return aggregateId.startsWith("purchase-order:") ? AppliedVersions.of(PurchaseOrderRow.findById(aggregateId))
                : OptionalLong.empty();
    }
}
