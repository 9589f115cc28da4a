package io.supplyline.command.purchasing;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;

import io.supplyline.command.lookup.CatalogLookup;
import io.supplyline.command.rules.BusinessRuleViolation;
import io.supplyline.command.rules.ExpectedVersion;
import io.supplyline.events.catalog.Sku;
import io.supplyline.events.purchasing.GoodsReceived;
import io.supplyline.events.purchasing.PurchaseOrderCancelled;
import io.supplyline.events.purchasing.PurchaseOrderFullyReceived;
import io.supplyline.events.purchasing.PurchaseOrderLine;
import io.supplyline.events.purchasing.PurchaseOrderPlaced;
import io.supplyline.events.purchasing.ReceivedLine;
import io.supplyline.events.warehouse.WarehouseCode;

/**
 * An order to a supplier, delivered into one warehouse, possibly in several receipts. Only an
 * active supplier, a known warehouse and products still bought; never more received than ordered;
 * no cancellation once goods have arrived.
 */
public class PurchaseOrder {

    @AggregateIdentifier
    private String id;
    private WarehouseCode warehouse;
    private final Map<Sku, Integer> outstanding = new HashMap<>();
    private boolean anythingReceived;
    private boolean closed;

    protected PurchaseOrder() {
    }

    @CommandHandler
    PurchaseOrder(PlacePurchaseOrder command, CatalogLookup catalog) {
        PurchaseOrderRules.requirePlaceable(command, catalog);
        apply(new PurchaseOrderPlaced(command.purchaseOrderId(), command.supplier(), command.warehouse(),
                command.expectedDeliveryDate(), command.lines()));
    }

    @CommandHandlerInterceptor
    void checkExpectedVersion(CommandMessage<?> command) {
        ExpectedVersion.verify(command.getMetaData(), getVersion());
    }

    @CommandHandler
    long receive(ReceiveGoods command) {
        requireOpen();
        Set<Sku> seen = new HashSet<>();
        for (ReceivedLine line : command.lines()) {
            Integer open = outstanding.get(line.sku());
            if (open == null) {
                throw new BusinessRuleViolation("UNKNOWN_PO_LINE",
                        "Purchase order " + id + " has no line for " + line.sku());
            }
            if (!seen.add(line.sku())) {
                throw new BusinessRuleViolation("DUPLICATE_LINE", "SKU " + line.sku() + " appears twice in the receipt");
            }
            if (line.quantity().value() > open) {
                throw new BusinessRuleViolation("OVER_RECEIPT",
                        "Only " + open + " of " + line.sku() + " are still due, " + line.quantity() + " received");
            }
        }
        apply(new GoodsReceived(command.purchaseOrderId(), warehouse, command.lines()));
        if (outstanding.values().stream().allMatch(open -> open == 0)) {
            apply(new PurchaseOrderFullyReceived(command.purchaseOrderId()));
        }
        return getVersion();
    }

    @CommandHandler
    long cancel(CancelPurchaseOrder command) {
        requireOpen();
        if (anythingReceived) {
            throw new BusinessRuleViolation("PO_HAS_RECEIPTS",
                    "Purchase order " + id + " has receipts and cannot be cancelled");
        }
        apply(new PurchaseOrderCancelled(command.purchaseOrderId(), command.reason()));
        return getVersion();
    }

    private void requireOpen() {
        if (closed) {
            throw new BusinessRuleViolation("PO_CLOSED", "Purchase order " + id + " is fully received or cancelled");
        }
    }

    @EventSourcingHandler
    void on(PurchaseOrderPlaced event) {
        id = event.purchaseOrderId().aggregateId();
        warehouse = event.warehouse();
        for (PurchaseOrderLine line : event.lines()) {
            outstanding.put(line.sku(), line.quantity().value());
        }
    }

    @EventSourcingHandler
    void on(GoodsReceived event) {
        anythingReceived = true;
        for (ReceivedLine line : event.lines()) {
            outstanding.merge(line.sku(), -line.quantity().value(), Integer::sum);
        }
    }

    @EventSourcingHandler
    void on(PurchaseOrderFullyReceived event) {
        closed = true;
    }

    @EventSourcingHandler
    void on(PurchaseOrderCancelled event) {
        closed = true;
    }
}
