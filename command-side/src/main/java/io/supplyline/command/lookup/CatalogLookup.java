package io.supplyline.command.lookup;

import io.supplyline.events.catalog.Sku;
import io.supplyline.events.supplier.SupplierCode;
import io.supplyline.events.warehouse.WarehouseCode;

/**
 * Set-based validation: questions one aggregate cannot answer about others. Backed by tables the
 * command side keeps in the same transaction as the event append, never by the query side.
 */
public interface CatalogLookup {

    boolean productExists(Sku sku);

    boolean warehouseExists(WarehouseCode code);

    boolean supplierExists(SupplierCode code);

    boolean supplierSuspended(SupplierCode code);

    boolean productDiscontinued(Sku sku);
}
