package io.supplyline.query.overview;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.inject.Singleton;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;

import io.supplyline.events.fulfilment.OrderAllocated;
import io.supplyline.events.fulfilment.OrderBackordered;
import io.supplyline.events.fulfilment.OrderCancelled;
import io.supplyline.events.fulfilment.OrderDelivered;
import io.supplyline.events.fulfilment.OrderPlaced;
import io.supplyline.events.fulfilment.OrderShipped;
import io.supplyline.events.inventory.StockAdjusted;
import io.supplyline.events.purchasing.GoodsReceived;
import io.supplyline.events.purchasing.PurchaseOrderCancelled;
import io.supplyline.events.purchasing.PurchaseOrderFullyReceived;
import io.supplyline.events.purchasing.PurchaseOrderPlaced;
import io.supplyline.events.shipping.ShipmentCreated;
import io.supplyline.events.shipping.ShipmentDelivered;
import io.supplyline.events.shipping.ShipmentDispatched;
import io.supplyline.events.shipping.ShipmentExceptionReported;
import io.supplyline.events.shipping.ShipmentExceptionType;
import io.supplyline.query.projection.AppliedVersions;
import io.supplyline.query.projection.ProjectionNames;
import io.supplyline.query.projection.ProjectionRows;

/**
 * The operations overview: how many orders, shipments and purchase orders are in each status right
 * now, and how much happened per hour and per minute. It sees every event once (per aggregate and
 * sequence number).
 */
@Singleton
@ProcessingGroup(ProjectionNames.OVERVIEW)
public class OverviewProjection implements AppliedVersions {

    static final String ORDERS = "orders.";
    static final String SHIPMENTS = "shipments.";
    static final String PURCHASE_ORDERS = "purchase-orders.";
    static final String BACKORDERED = ORDERS + "BACKORDERED";
    /** Metrics: orders that entered BACKORDERED, and that left it (allocated or cancelled). */
    static final String BACKORDERS = "backorders";
    static final String BACKORDERS_CLOSED = "backordersClosed";

    private final ProjectionRows rows;
    private final OverviewTally tally;

    OverviewProjection(ProjectionRows rows, OverviewTally tally) {
        this.rows = rows;
        this.tally = tally;
    }

    @EventHandler
    void on(Object event, EventMessage<?> message) {
        if (!(message instanceof DomainEventMessage<?> domainEvent)) {
            return;
        }
        rows.applyOnce(SeenAggregate.class, domainEvent.getAggregateIdentifier(), SeenAggregate::new,
                domainEvent.getSequenceNumber(), message.getTimestamp(), seen -> {
                    Instant at = message.getTimestamp();
                    tally.count(at, "events");
                    tally.seen(at);
                    metric(event).ifPresent(metric -> tally.count(at, metric));
                    counterAfter(event).ifPresent(counter -> {
                        if (seen.counter != null) {
                            tally.add(seen.counter, -1);
                        }
                        tally.add(counter, 1);
                        countBackorderMoves(seen.counter, counter, at);
                        seen.counter = counter;
                    });
                });
    }

    /**
     * Per hour and minute of the event's time, the orders that entered and left BACKORDERED: how many were
     * backordered at the end of any bucket follows from these and today's count ({@link ThroughputReader}).
     */
    private void countBackorderMoves(String before, String after, Instant at) {
        boolean wasBackordered = BACKORDERED.equals(before);
        boolean isBackordered = BACKORDERED.equals(after);
        if (isBackordered && !wasBackordered) {
            tally.count(at, BACKORDERS);
        } else if (wasBackordered && !isBackordered) {
            tally.count(at, BACKORDERS_CLOSED);
        }
    }

    @Override
    public OptionalLong appliedVersion(String aggregateId) {
        return AppliedVersions.of(SeenAggregate.findById(aggregateId));
    }

    /** The hourly throughput each kind of event counts towards, beside all events. */
    private static final Map<Class<?>, String> METRICS = Map.of(
            OrderPlaced.class, "ordersPlaced",
            ShipmentDispatched.class, "shipmentsDispatched",
            ShipmentDelivered.class, "deliveries",
            GoodsReceived.class, "goodsReceipts",
            StockAdjusted.class, "adjustments");

    /** The status each kind of event moves its aggregate to; other events leave the status as it is. */
    private static final Map<Class<?>, String> COUNTERS = Map.ofEntries(
            Map.entry(OrderPlaced.class, ORDERS + "PLACED"),
            Map.entry(OrderAllocated.class, ORDERS + "ALLOCATED"),
            Map.entry(OrderBackordered.class, ORDERS + "BACKORDERED"),
            Map.entry(OrderShipped.class, ORDERS + "SHIPPED"),
            Map.entry(OrderDelivered.class, ORDERS + "DELIVERED"),
            Map.entry(OrderCancelled.class, ORDERS + "CANCELLED"),
            Map.entry(ShipmentCreated.class, SHIPMENTS + "CREATED"),
            Map.entry(ShipmentDispatched.class, SHIPMENTS + "DISPATCHED"),
            Map.entry(ShipmentDelivered.class, SHIPMENTS + "DELIVERED"),
            Map.entry(PurchaseOrderPlaced.class, PURCHASE_ORDERS + "OPEN"),
            Map.entry(GoodsReceived.class, PURCHASE_ORDERS + "PARTIALLY_RECEIVED"),
            Map.entry(PurchaseOrderFullyReceived.class, PURCHASE_ORDERS + "RECEIVED"),
            Map.entry(PurchaseOrderCancelled.class, PURCHASE_ORDERS + "CANCELLED"));

    private static Optional<String> metric(Object event) {
        return Optional.ofNullable(METRICS.get(event.getClass()));
    }

    /** Only the process's ORDER_CANCELLED exception changes a shipment's status (it voids it). */
    private static Optional<String> counterAfter(Object event) {
        if (event instanceof ShipmentExceptionReported exception) {
            return exception.type() == ShipmentExceptionType.ORDER_CANCELLED
                    ? Optional.of(SHIPMENTS + "VOID") : Optional.empty();
        }
        return Optional.ofNullable(COUNTERS.get(event.getClass()));
    }
}
