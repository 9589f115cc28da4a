package io.supplyline.command.catalog;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;

import io.supplyline.command.lookup.CatalogLookup;
import io.supplyline.command.rules.BusinessRuleViolation;
import io.supplyline.command.rules.DuplicateRegistration;
import io.supplyline.command.rules.ExpectedVersion;
import io.supplyline.events.catalog.ProductDiscontinued;
import io.supplyline.events.catalog.ProductRegistered;
import io.supplyline.events.catalog.ReorderPolicy;
import io.supplyline.events.catalog.ReorderPolicyChanged;

/** A product the company stocks, identified by its SKU. */
public class Product {

    @AggregateIdentifier
    private String id;
    private boolean discontinued;

    protected Product() {
    }

    @CommandHandler
    Product(RegisterProduct command, CatalogLookup catalog) {
        if (catalog.productExists(command.sku())) {
            throw new DuplicateRegistration("PRODUCT_ALREADY_REGISTERED",
                    "Product " + command.sku() + " is already registered");
        }
        apply(new ProductRegistered(command.sku(), command.name(), command.unitOfMeasure(),
                validPolicy(command.reorderPoint(), command.reorderQuantity())));
    }

    @CommandHandlerInterceptor
    void checkExpectedVersion(CommandMessage<?> command) {
        ExpectedVersion.verify(command.getMetaData(), getVersion());
    }

    @CommandHandler
    long changeReorderPolicy(ChangeReorderPolicy command) {
        requireActive();
        apply(new ReorderPolicyChanged(command.sku(), validPolicy(command.reorderPoint(), command.reorderQuantity())));
        return getVersion();
    }

    @CommandHandler
    long discontinue(DiscontinueProduct command) {
        requireActive();
        apply(new ProductDiscontinued(command.sku(), command.reason()));
        return getVersion();
    }

    private void requireActive() {
        if (discontinued) {
            throw new BusinessRuleViolation("PRODUCT_DISCONTINUED", "Product " + id + " is discontinued");
        }
    }

    private static ReorderPolicy validPolicy(int reorderPoint, int reorderQuantity) {
        if (!ReorderPolicy.isValid(reorderPoint, reorderQuantity)) {
            throw new BusinessRuleViolation("INVALID_REORDER_POLICY",
                    "Reorder point must be at least 0 and reorder quantity at least 1");
        }
        return new ReorderPolicy(reorderPoint, reorderQuantity);
    }

    @EventSourcingHandler
    void on(ProductRegistered event) {
        id = event.sku().aggregateId();
    }

    @EventSourcingHandler
    void on(ProductDiscontinued event) {
        discontinued = true;
    }
}
