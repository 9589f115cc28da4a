package io.supplyline.command.inventory;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;

import io.supplyline.command.lookup.CatalogLookup;
import io.supplyline.command.rules.BusinessRuleViolation;
import io.supplyline.command.rules.ExpectedVersion;
import io.supplyline.command.rules.UnknownReference;
import io.supplyline.events.inventory.StockAdjusted;
import io.supplyline.events.inventory.StockItemId;
import io.supplyline.events.inventory.StockReceived;

/**
 * The stock of one SKU in one warehouse. It comes into being with its first movement; every
 * command answers the item's new version so clients can read their own writes.
 */
public class StockItem {

    @AggregateIdentifier
    private StockItemId id;
    private long onHand;

    protected StockItem() {
    }

    @CommandHandlerInterceptor
    void checkExpectedVersion(CommandMessage<?> command) {
        ExpectedVersion.verify(command.getMetaData(), getVersion());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long receive(ReceiveStock command, CatalogLookup catalog) {
        requireKnown(command.stockItemId(), catalog);
        if (command.quantity() <= 0) {
            throw new BusinessRuleViolation("QUANTITY_NOT_POSITIVE", "A receipt must add at least one unit");
        }
        apply(new StockReceived(command.stockItemId(), command.quantity(), command.reference()));
        return getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long adjust(AdjustStock command, CatalogLookup catalog) {
        requireKnown(command.stockItemId(), catalog);
        if (command.delta() == 0) {
            throw new BusinessRuleViolation("ZERO_ADJUSTMENT", "An adjustment must change the quantity");
        }
        if (onHand + command.delta() < 0) {
            throw new BusinessRuleViolation("NEGATIVE_STOCK",
                    "Adjusting by " + command.delta() + " would leave " + (onHand + command.delta()) + " on hand");
        }
        apply(new StockAdjusted(command.stockItemId(), command.delta(), command.reason(), command.note()));
        return getVersion();
    }

    /** Only a new item needs the check: an existing one was created against a known product and warehouse. */
    private void requireKnown(StockItemId item, CatalogLookup catalog) {
        if (id != null) {
            return;
        }
        if (!catalog.productExists(item.sku())) {
            throw new UnknownReference("UNKNOWN_PRODUCT", "No product with SKU " + item.sku());
        }
        if (!catalog.warehouseExists(item.warehouse())) {
            throw new UnknownReference("UNKNOWN_WAREHOUSE", "No warehouse with code " + item.warehouse());
        }
    }

    @EventSourcingHandler
    void on(StockReceived event) {
        id = event.stockItemId();
        onHand += event.quantity();
    }

    @EventSourcingHandler
    void on(StockAdjusted event) {
        id = event.stockItemId();
        onHand += event.delta();
    }
}
