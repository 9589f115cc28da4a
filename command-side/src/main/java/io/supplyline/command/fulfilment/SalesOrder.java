package io.supplyline.command.fulfilment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;

import io.supplyline.command.lookup.CatalogLookup;
import io.supplyline.command.rules.BusinessRuleViolation;
import io.supplyline.command.rules.ExpectedVersion;
import io.supplyline.command.rules.OrderLines;
import io.supplyline.command.rules.UnknownReference;
import io.supplyline.events.fulfilment.OrderCancelled;
import io.supplyline.events.fulfilment.OrderLine;
import io.supplyline.events.fulfilment.OrderPlaced;

/**
 * A customer order served from one warehouse, naming only products and a warehouse that exist.
 * Allocation, shipping and delivery arrive with the sagas; until then it can be cancelled once.
 */
public class SalesOrder {

    @AggregateIdentifier
    private String id;
    private boolean cancelled;

    protected SalesOrder() {
    }

    @CommandHandler
    SalesOrder(PlaceOrder command, CatalogLookup catalog) {
        if (!catalog.warehouseExists(command.warehouse())) {
            throw new UnknownReference("UNKNOWN_WAREHOUSE", "No warehouse with code " + command.warehouse());
        }
        OrderLines.requireValid("customer order", command.lines(), OrderLine::sku, OrderLine::quantity, catalog);
        apply(new OrderPlaced(command.orderId(), command.customer(), command.warehouse(),
                command.requestedDeliveryDate(), command.lines()));
    }

    @CommandHandlerInterceptor
    void checkExpectedVersion(CommandMessage<?> command) {
        ExpectedVersion.verify(command.getMetaData(), getVersion());
    }

    @CommandHandler
    long cancel(CancelOrder command) {
        if (cancelled) {
            throw new BusinessRuleViolation("ORDER_ALREADY_CANCELLED", "Order " + id + " is already cancelled");
        }
        apply(new OrderCancelled(command.orderId(), command.reason()));
        return getVersion();
    }

    @EventSourcingHandler
    void on(OrderPlaced event) {
        id = event.orderId().aggregateId();
    }

    @EventSourcingHandler
    void on(OrderCancelled event) {
        cancelled = true;
    }
}
