package io.supplyline.command.lookup;

import jakarta.inject.Singleton;

import io.supplyline.events.catalog.Sku;
import io.supplyline.events.supplier.SupplierCode;
import io.supplyline.events.warehouse.WarehouseCode;

/** Reads the lookup tables inside the command's transaction. */
@Singleton
public class JpaCatalogLookup implements CatalogLookup {

    @Override
    public boolean productExists(Sku sku) {
        return KnownProduct.findById(sku.value()) != null;
    }

    @Override
    public boolean warehouseExists(WarehouseCode code) {
        return KnownWarehouse.findById(code.value()) != null;
    }

    @Override
    public boolean supplierExists(SupplierCode code) {
        return KnownSupplier.findById(code.value()) != null;
    }

    @Override
    public boolean supplierSuspended(SupplierCode code) {
        return KnownSupplier.<KnownSupplier>findByIdOptional(code.value()).map(s -> s.suspended).orElse(false);
    }

    @Override
    public boolean productDiscontinued(Sku sku) {
        return KnownProduct.<KnownProduct>findByIdOptional(sku.value()).map(p -> p.discontinued).orElse(false);
    }
}
