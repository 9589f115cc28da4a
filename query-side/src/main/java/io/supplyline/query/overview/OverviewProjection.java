package io.supplyline.query.overview;

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
import io.supplyline.query.projection.ProjectionRows;

/**
 * The operations overview: how many orders, shipments and purchase orders are in each status right
 * now, and how much happened per hour. It sees every event once (per aggregate and sequence number).
 */
@Singleton
@ProcessingGroup(OverviewProjection.NAME)
public class OverviewProjection implements AppliedVersions {

    public static final String NAME = "overview";
    static final String ORDERS = "orders.";
    static final String SHIPMENTS = "shipments.";
    static final String PURCHASE_ORDERS = "purchase-orders.";

    private final ProjectionRows rows;

    OverviewProjection(ProjectionRows rows) {
        this.rows = rows;
    }

    @EventHandler
    void on(Object event, EventMessage<?> message) {
        if (!(message instanceof DomainEventMessage<?> domainEvent)) {
            return;
        }
        rows.applyOnce(SeenAggregate.class, domainEvent.getAggregateIdentifier(), SeenAggregate::new,
                domainEvent.getSequenceNumber(), message.getTimestamp(), seen -> {
                    HourlyThroughput.count(message.getTimestamp(), "events");
                    metric(event).ifPresent(metric -> HourlyThroughput.count(message.getTimestamp(), metric));
                    counterAfter(event).ifPresent(counter -> {
                        if (seen.counter != null) {
                            OverviewCount.add(seen.counter, -1);
                        }
                        OverviewCount.add(counter, 1);
                        seen.counter = counter;
                    });
                });
    }

    @Override
    public OptionalLong appliedVersion(String aggregateId) {
        return AppliedVersions.of(SeenAggregate.findById(aggregateId));
    }

    /** The hourly throughput an event counts towards, beside all events. */
    private static Optional<String> metric(Object event) {
        if (event instanceof OrderPlaced) {
            return Optional.of("ordersPlaced");
        }
        if (event instanceof ShipmentDispatched) {
            return Optional.of("shipmentsDispatched");
        }
        if (event instanceof ShipmentDelivered) {
            return Optional.of("deliveries");
        }
        if (event instanceof GoodsReceived) {
            return Optional.of("goodsReceipts");
        }
        if (event instanceof StockAdjusted) {
            return Optional.of("adjustments");
        }
        return Optional.empty();
    }

    /** The status an event moves its aggregate to; empty when it does not change the status. */
    private static Optional<String> counterAfter(Object event) {
        String counter = null;
        if (event instanceof OrderPlaced) {
            counter = ORDERS + "PLACED";
        } else if (event instanceof OrderAllocated) {
            counter = ORDERS + "ALLOCATED";
        } else if (event instanceof OrderBackordered) {
            counter = ORDERS + "BACKORDERED";
        } else if (event instanceof OrderShipped) {
            counter = ORDERS + "SHIPPED";
        } else if (event instanceof OrderDelivered) {
            counter = ORDERS + "DELIVERED";
        } else if (event instanceof OrderCancelled) {
            counter = ORDERS + "CANCELLED";
        } else if (event instanceof ShipmentCreated) {
            counter = SHIPMENTS + "CREATED";
        } else if (event instanceof ShipmentDispatched) {
            counter = SHIPMENTS + "DISPATCHED";
        } else if (event instanceof ShipmentDelivered) {
            counter = SHIPMENTS + "DELIVERED";
        } else if (event instanceof ShipmentExceptionReported exception
                && exception.type() == ShipmentExceptionType.ORDER_CANCELLED) {
            counter = SHIPMENTS + "VOID";
        } else if (event instanceof PurchaseOrderPlaced) {
            counter = PURCHASE_ORDERS + "OPEN";
        } else if (event instanceof GoodsReceived) {
            counter = PURCHASE_ORDERS + "PARTIALLY_RECEIVED";
        } else if (event instanceof PurchaseOrderFullyReceived) {
            counter = PURCHASE_ORDERS + "RECEIVED";
        } else if (event instanceof PurchaseOrderCancelled) {
            counter = PURCHASE_ORDERS + "CANCELLED";
        }
        return Optional.ofNullable(counter);
    }
}
