package io.supplyline.command.lookup;

import jakarta.inject.Singleton;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

import io.supplyline.command.axon.AxonConfiguration;
import io.supplyline.events.catalog.ProductRegistered;
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
    void on(WarehouseRegistered event) {
        KnownWarehouse.registered(event.code().value()).persistAndFlush();
    }
}
