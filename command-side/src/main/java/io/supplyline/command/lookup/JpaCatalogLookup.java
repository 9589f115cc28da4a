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
}
