package io.supplyline.command.supplier;

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
import io.supplyline.events.supplier.SupplierRegistered;
import io.supplyline.events.supplier.SupplierReinstated;
import io.supplyline.events.supplier.SupplierSuspended;

/** A company the business buys from; a suspended supplier gets no new purchase orders. */
public class Supplier {

    @AggregateIdentifier
    private String id;
    private boolean suspended;

    protected Supplier() {
    }

    @CommandHandler
    Supplier(RegisterSupplier command, CatalogLookup catalog) {
        if (catalog.supplierExists(command.code())) {
            throw new DuplicateRegistration("SUPPLIER_ALREADY_REGISTERED",
                    "Supplier " + command.code() + " is already registered");
        }
        if (command.leadTimeDays() < 0) {
            throw new BusinessRuleViolation("INVALID_LEAD_TIME", "Lead time cannot be negative");
        }
        apply(new SupplierRegistered(command.code(), command.name(), command.leadTimeDays()));
    }

    @CommandHandlerInterceptor
    void checkExpectedVersion(CommandMessage<?> command) {
        ExpectedVersion.verify(command.getMetaData(), getVersion());
    }

    @CommandHandler
    long suspend(SuspendSupplier command) {
        if (suspended) {
            throw new BusinessRuleViolation("SUPPLIER_ALREADY_SUSPENDED", "Supplier " + id + " is already suspended");
        }
        apply(new SupplierSuspended(command.code(), command.reason()));
        return getVersion();
    }

    @CommandHandler
    long reinstate(ReinstateSupplier command) {
        if (!suspended) {
            throw new BusinessRuleViolation("SUPPLIER_NOT_SUSPENDED", "Supplier " + id + " is not suspended");
        }
        apply(new SupplierReinstated(command.code()));
        return getVersion();
    }

    @EventSourcingHandler
    void on(SupplierRegistered event) {
        id = event.code().aggregateId();
    }

    @EventSourcingHandler
    void on(SupplierSuspended event) {
        suspended = true;
    }

    @EventSourcingHandler
    void on(SupplierReinstated event) {
        suspended = false;
    }
}
