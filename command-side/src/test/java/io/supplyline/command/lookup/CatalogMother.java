package io.supplyline.command.lookup;

import java.util.Set;

import io.supplyline.events.catalog.Sku;
import io.supplyline.events.supplier.SupplierCode;
import io.supplyline.events.warehouse.WarehouseCode;

/** Lookup answers for aggregate tests, which run without a database. */
public final class CatalogMother {

    public static final String WAREHOUSE = "BER-1";
    public static final String SKU = "PALLET-EUR";

    private CatalogMother() {
    }

    /** The standard test world: one known warehouse and one known product. */
    public static CatalogLookup standard() {
        return knowing(Set.of(SKU), Set.of(WAREHOUSE));
    }

    public static CatalogLookup empty() {
        return knowing(Set.of(), Set.of());
    }

    public static CatalogLookup knowing(Set<String> skus, Set<String> warehouses) {
        return knowing(skus, warehouses, Set.of());
    }

    public static CatalogLookup knowing(Set<String> skus, Set<String> warehouses, Set<String> suppliers) {
        return knowing(skus, warehouses, suppliers, Set.of(), Set.of());
    }

    /** Discontinued SKUs and suspended suppliers exist too, in their restricted state. */
    public static CatalogLookup knowing(Set<String> skus, Set<String> warehouses, Set<String> suppliers,
                                        Set<String> discontinuedSkus, Set<String> suspendedSuppliers) {
        return new CatalogLookup() {
            @Override
            public boolean productExists(Sku sku) {
                return skus.contains(sku.value()) || discontinuedSkus.contains(sku.value());
            }

            @Override
            public boolean warehouseExists(WarehouseCode code) {
                return warehouses.contains(code.value());
            }

            @Override
            public boolean supplierExists(SupplierCode code) {
                return suppliers.contains(code.value()) || suspendedSuppliers.contains(code.value());
            }

            @Override
            public boolean supplierSuspended(SupplierCode code) {
                return suspendedSuppliers.contains(code.value());
            }

            @Override
            public boolean productDiscontinued(Sku sku) {
                return discontinuedSkus.contains(sku.value());
            }
        };
    }
}
