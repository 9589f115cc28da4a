package io.supplyline.command.lookup;

import jakarta.inject.Singleton;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

import io.supplyline.command.axon.AxonConfiguration;
import io.supplyline.events.catalog.ProductDiscontinued;
import io.supplyline.events.catalog.ProductRegistered;
import io.supplyline.events.supplier.SupplierRegistered;
import io.supplyline.events.supplier.SupplierReinstated;
import io.supplyline.events.supplier.SupplierSuspended;
import io.supplyline.events.warehouse.WarehouseRegistered;

/**
 * Keeps the lookup tables. Runs in a subscribing processor, so each row is written in the same
 * transaction as the event that caused it: a registration is either in both or in neither.
 */
@Singleton
@ProcessingGroup(AxonConfiguration.LOOKUPS)
public class LookupUpdater {

    @EventHandler
    void on(ProductRegistered event) {
        KnownProduct.registered(event.sku().value()).persistAndFlush();
    }

    @EventHandler
    void on(ProductDiscontinued event) {
        KnownProduct.<KnownProduct>findByIdOptional(event.sku().value())
                .ifPresent(product -> product.discontinued = true);
    }

    @EventHandler
    void on(WarehouseRegistered event) {
        KnownWarehouse.registered(event.code().value()).persistAndFlush();
    }

    @EventHandler
    void on(SupplierRegistered event) {
        KnownSupplier.registered(event.code().value()).persistAndFlush();
    }

    @EventHandler
    void on(SupplierSuspended event) {
        KnownSupplier.<KnownSupplier>findByIdOptional(event.code().value())
                .ifPresent(supplier -> supplier.suspended = true);
    }

    @EventHandler
    void on(SupplierReinstated event) {
        KnownSupplier.<KnownSupplier>findByIdOptional(event.code().value())
                .ifPresent(supplier -> supplier.suspended = false);
    }
}
