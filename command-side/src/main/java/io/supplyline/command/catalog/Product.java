package io.supplyline.command.catalog;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import io.supplyline.command.lookup.CatalogLookup;
import io.supplyline.command.rules.BusinessRuleViolation;
import io.supplyline.command.rules.DuplicateRegistration;
import io.supplyline.events.catalog.ProductRegistered;

/** A product the company stocks, identified by its SKU. */
public class Product {

    @AggregateIdentifier
    private String id;

    protected Product() {
    }

    @CommandHandler
    Product(RegisterProduct command, CatalogLookup catalog) {
        if (catalog.productExists(command.sku())) {
            throw new DuplicateRegistration("PRODUCT_ALREADY_REGISTERED",
                    "Product " + command.sku() + " is already registered");
        }
        if (command.reorderPoint() < 0 || command.reorderQuantity() < 1) {
            throw new BusinessRuleViolation("INVALID_REORDER_POLICY",
                    "Reorder point must be at least 0 and reorder quantity at least 1");
        }
        apply(new ProductRegistered(command.sku(), command.name(), command.unitOfMeasure(),
                command.reorderPoint(), command.reorderQuantity()));
    }

    @EventSourcingHandler
    void on(ProductRegistered event) {
        id = event.sku().aggregateId();
    }
}
