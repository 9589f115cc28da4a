package io.supplyline.query.orders;

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

import io.supplyline.events.fulfilment.OrderAllocated;
import io.supplyline.events.fulfilment.OrderBackordered;
import io.supplyline.events.fulfilment.OrderCancelled;
import io.supplyline.events.fulfilment.OrderDelivered;
import io.supplyline.events.fulfilment.OrderPlaced;
import io.supplyline.events.fulfilment.OrderShipped;
import io.supplyline.events.fulfilment.SalesOrderId;
import io.supplyline.query.projection.AppliedVersions;
import io.supplyline.query.projection.ProjectionNames;
import io.supplyline.query.projection.ProjectionRows;

/** The order board: one row per customer order with its status, from the order's own events. */
@Singleton
@ProcessingGroup(ProjectionNames.ORDERS)
public class OrderProjection implements AppliedVersions {

    private final ProjectionRows rows;

    OrderProjection(ProjectionRows rows) {
        this.rows = rows;
    }

    @EventHandler
    void on(OrderPlaced event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.orderId(), sequence, at, row -> {
            row.customer = event.customer();
            row.warehouse = event.warehouse().value();
            row.status = OrderStatus.PLACED;
            row.lineCount = event.lines().size();
            row.units = event.lines().stream().mapToLong(line -> line.quantity().value()).sum();
            row.requestedDeliveryDate = event.requestedDeliveryDate();
            row.placedAt = at;
        });
    }

    @EventHandler
    void on(OrderAllocated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.orderId(), sequence, at, row -> row.status = OrderStatus.ALLOCATED);
    }

    @EventHandler
    void on(OrderBackordered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.orderId(), sequence, at, row -> row.status = OrderStatus.BACKORDERED);
    }

    @EventHandler
    void on(OrderShipped event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.orderId(), sequence, at, row -> {
            row.status = OrderStatus.SHIPPED;
            row.shipmentId = event.shipmentId().aggregateId();
            row.shippedAt = at;
            row.shippedOn = LocalDate.ofInstant(at, ZoneOffset.UTC);
        });
    }

    @EventHandler
    void on(OrderDelivered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.orderId(), sequence, at, row -> row.status = OrderStatus.DELIVERED);
    }

    @EventHandler
    void on(OrderCancelled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.orderId(), sequence, at, row -> row.status = OrderStatus.CANCELLED);
    }

    private void apply(SalesOrderId order, long sequence, Instant at, Consumer<OrderRow> change) {
        rows.applyOnce(OrderRow.class, order.aggregateId(), OrderRow::new, sequence, at, change);
    }

    @Override
    public OptionalLong appliedVersion(String aggregateId) {
        return aggregateId.startsWith("order:") ? AppliedVersions.of(OrderRow.findById(aggregateId)) : OptionalLong.empty();
    }
}
