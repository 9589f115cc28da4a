package io.supplyline.command.warehouse;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import io.supplyline.command.lookup.CatalogLookup;
import io.supplyline.command.rules.DuplicateRegistration;
import io.supplyline.events.warehouse.WarehouseRegistered;

/** A place where stock is kept, identified by its code. */
public class Warehouse {

    @AggregateIdentifier
    private String id;

    protected Warehouse() {
    }

    @CommandHandler
    Warehouse(RegisterWarehouse command, CatalogLookup catalog) {
        if (catalog.warehouseExists(command.code())) {
            throw new DuplicateRegistration("WAREHOUSE_ALREADY_REGISTERED",
                    "Warehouse " + command.code() + " is already registered");
        }
        apply(new WarehouseRegistered(command.code(), command.name(), command.city(), command.country()));
    }

    @EventSourcingHandler
    void on(WarehouseRegistered event) {
        id = event.code().aggregateId();
    }
}
