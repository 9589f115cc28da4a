package io.supplyline.query.suppliers;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import io.supplyline.events.supplier.SupplierCode;
import io.supplyline.events.supplier.SupplierRegistered;
import io.supplyline.events.supplier.SupplierReinstated;
import io.supplyline.events.supplier.SupplierSuspended;
import io.supplyline.query.projection.AppliedVersions;
import io.supplyline.query.projection.ProjectionNames;
import io.supplyline.query.projection.ProjectionRows;

/**
 * Supplier performance: the suppliers and, per purchase order, what was ordered, what arrived and
 * when. The measures (on-time rate, fill rate, lead time, open late orders) are summed from these
 * rows when they are read, because "late" depends on the day of reading.
 */
@Singleton
@ProcessingGroup(ProjectionNames.SUPPLIER_PERFORMANCE)
public class SupplierPerformanceProjection implements AppliedVersions {

    static final String OPEN = "OPEN";
    static final String RECEIVED = "RECEIVED";
    static final String CANCELLED = "CANCELLED";

    private final ProjectionRows rows;

    SupplierPerformanceProjection(ProjectionRows rows) {
        this.rows = rows;
    }

    @EventHandler
    void on(SupplierRegistered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        supplier(event.code(), sequence, at, row -> {
            row.name = event.name();
            row.leadTimeDays = event.leadTimeDays();
        });
    }

    @EventHandler
    void on(SupplierSuspended event, @SequenceNumber long sequence, @Timestamp Instant at) {
        supplier(event.code(), sequence, at, row -> row.suspended = true);
    }

    @EventHandler
    void on(SupplierReinstated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        supplier(event.code(), sequence, at, row -> row.suspended = false);
    }

    @EventHandler
    void on(PurchaseOrderPlaced event, @SequenceNumber long sequence, @Timestamp Instant at) {
        order(event.purchaseOrderId(), sequence, at, row -> {
            row.supplier = event.supplier().value();
            row.expectedDeliveryDate = event.expectedDeliveryDate();
            row.unitsOrdered = event.lines().stream().mapToLong(line -> line.quantity().value()).sum();
            row.status = OPEN;
            row.placedAt = at;
        });
    }

    @EventHandler
    void on(GoodsReceived event, @SequenceNumber long sequence, @Timestamp Instant at) {
        order(event.purchaseOrderId(), sequence, at,
                row -> row.unitsReceived += event.lines().stream().mapToLong(line -> line.quantity().value()).sum());
    }

    /** On time when the last goods arrived on or before the expected day (UTC). */
    @EventHandler
    void on(PurchaseOrderFullyReceived event, @SequenceNumber long sequence, @Timestamp Instant at) {
        order(event.purchaseOrderId(), sequence, at, row -> {
            row.status = RECEIVED;
            row.fullyReceivedAt = at;
            row.deliveredOnTime = !LocalDate.ofInstant(at, ZoneOffset.UTC).isAfter(row.expectedDeliveryDate);
            row.leadTimeDays = row.placedAt == null ? null : Duration.between(row.placedAt, at).toMinutes() / 1440.0;
        });
    }

    @EventHandler
    void on(PurchaseOrderCancelled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        order(event.purchaseOrderId(), sequence, at, row -> row.status = CANCELLED);
    }

    @Override
    public OptionalLong appliedVersion(String aggregateId) {
        if (aggregateId.startsWith("supplier:")) {
            return AppliedVersions.of(SupplierRow.findById(aggregateId));
        }
        if (aggregateId.startsWith("purchase-order:")) {
            return AppliedVersions.of(SupplierOrderRow.findById(aggregateId));
        }
        return OptionalLong.empty();
    }

    private void supplier(SupplierCode code, long sequence, Instant at, Consumer<SupplierRow> change) {
        rows.applyOnce(SupplierRow.class, code.aggregateId(), SupplierRow::new, sequence, at, change);
    }

    private void order(PurchaseOrderId order, long sequence, Instant at, Consumer<SupplierOrderRow> change) {
        rows.applyOnce(SupplierOrderRow.class, order.aggregateId(), SupplierOrderRow::new, sequence, at, change);
    }
}
