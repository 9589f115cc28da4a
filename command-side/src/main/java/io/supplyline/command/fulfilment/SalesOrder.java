package io.supplyline.command.fulfilment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;

import io.supplyline.command.lookup.CatalogLookup;
import io.supplyline.command.lookup.FulfilmentStatus;
import io.supplyline.command.lookup.OrderLookup;
import io.supplyline.command.rules.BusinessRuleViolation;
import io.supplyline.command.rules.ExpectedVersion;
import io.supplyline.command.rules.OrderLines;
import io.supplyline.command.rules.UnknownReference;
import io.supplyline.events.fulfilment.OrderAllocated;
import io.supplyline.events.fulfilment.OrderBackordered;
import io.supplyline.events.fulfilment.OrderCancelled;
import io.supplyline.events.fulfilment.OrderDelivered;
import io.supplyline.events.fulfilment.OrderLine;
import io.supplyline.events.fulfilment.OrderPlaced;
import io.supplyline.events.fulfilment.OrderShipped;

/**
 * A customer order served from one warehouse, naming only products and a warehouse that exist.
 * The fulfilment process moves it on: allocated when all its lines are reserved (or backordered
 * until they can be), shipped when its shipment is dispatched, then delivered. It can be cancelled
 * until it ships.
 */
public class SalesOrder {

    @AggregateIdentifier
    private String id;
    private FulfilmentStatus status;

    protected SalesOrder() {
    }

    @CommandHandler
    SalesOrder(PlaceOrder command, CatalogLookup catalog) {
        if (!catalog.warehouseExists(command.warehouse())) {
            throw new UnknownReference("UNKNOWN_WAREHOUSE", "No warehouse with code " + command.warehouse());
        }
        OrderLines.requireValid("customer order", command.lines(), OrderLine::sku, catalog::productExists);
        apply(new OrderPlaced(command.orderId(), command.customer(), command.warehouse(),
                command.requestedDeliveryDate(), command.lines()));
    }

    @CommandHandlerInterceptor
    void checkExpectedVersion(CommandMessage<?> command) {
        ExpectedVersion.verify(command.getMetaData(), getVersion());
    }

    /**
     * The order learns of its shipment's dispatch only later, from the fulfilment process; the order
     * lookup knows it from the dispatch on. Read with the order's row locked, so that a dispatch waits.
     */
    @CommandHandler
    long cancel(CancelOrder command, OrderLookup orders) {
        requireNotCancelled("ORDER_ALREADY_CANCELLED");
        if (status.hasShipped() || orders.orderForChange(command.orderId()).map(order -> order.status().hasShipped()).orElse(false)) {
            throw new BusinessRuleViolation("ORDER_ALREADY_SHIPPED", "Order " + id + " has shipped and can no longer be cancelled");
        }
        apply(new OrderCancelled(command.orderId(), command.reason()));
        return getVersion();
    }

    @CommandHandler
    long allocate(AllocateOrder command) {
        requireNotCancelled("ORDER_CANCELLED");
        if (status != FulfilmentStatus.PLACED && status != FulfilmentStatus.BACKORDERED) {
            throw new BusinessRuleViolation("ORDER_ALREADY_ALLOCATED", "Order " + id + " is already " + status);
        }
        apply(new OrderAllocated(command.orderId()));
        return getVersion();
    }

    @CommandHandler
    long backorder(BackorderOrder command) {
        requireNotCancelled("ORDER_CANCELLED");
        if (status != FulfilmentStatus.PLACED) {
            throw new BusinessRuleViolation("ORDER_NOT_PLACED", "Order " + id + " is " + status + ", not newly placed");
        }
        apply(new OrderBackordered(command.orderId(), command.unavailable()));
        return getVersion();
    }

    @CommandHandler
    long ship(ShipOrder command) {
        requireNotCancelled("ORDER_CANCELLED");
        if (status.hasShipped()) {
            throw new BusinessRuleViolation("ORDER_ALREADY_SHIPPED", "Order " + id + " has already shipped");
        }
        if (status != FulfilmentStatus.ALLOCATED) {
            throw new BusinessRuleViolation("ORDER_NOT_ALLOCATED", "Order " + id + " is " + status + "; only allocated orders ship");
        }
        apply(new OrderShipped(command.orderId(), command.shipmentId()));
        return getVersion();
    }

    @CommandHandler
    long deliver(DeliverOrder command) {
        if (status == FulfilmentStatus.DELIVERED) {
            throw new BusinessRuleViolation("ORDER_ALREADY_DELIVERED", "Order " + id + " is already delivered");
        }
        if (status != FulfilmentStatus.SHIPPED) {
            throw new BusinessRuleViolation("ORDER_NOT_SHIPPED", "Order " + id + " is " + status + "; only shipped orders are delivered");
        }
        apply(new OrderDelivered(command.orderId(), command.shipmentId(), command.at()));
        return getVersion();
    }

    private void requireNotCancelled(String code) {
        if (status == FulfilmentStatus.CANCELLED) {
            throw new BusinessRuleViolation(code, "Order " + id + " is cancelled");
        }
    }

    @EventSourcingHandler
    void on(OrderPlaced event) {
        id = event.orderId().aggregateId();
        status = FulfilmentStatus.PLACED;
    }

    @EventSourcingHandler
    void on(OrderAllocated event) {
        status = FulfilmentStatus.ALLOCATED;
    }

    @EventSourcingHandler
    void on(OrderBackordered event) {
        status = FulfilmentStatus.BACKORDERED;
    }

    @EventSourcingHandler
    void on(OrderShipped event) {
        status = FulfilmentStatus.SHIPPED;
    }

    @EventSourcingHandler
    void on(OrderDelivered event) {
        status = FulfilmentStatus.DELIVERED;
    }

    @EventSourcingHandler
    void on(OrderCancelled event) {
        status = FulfilmentStatus.CANCELLED;
    }
}
