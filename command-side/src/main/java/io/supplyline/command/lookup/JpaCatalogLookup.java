package io.supplyline.command.lookup;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import jakarta.inject.Singleton;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.supplyline.events.axon.AfterCommit;
import io.supplyline.events.catalog.Sku;
import io.supplyline.events.supplier.SupplierCode;
import io.supplyline.events.warehouse.WarehouseCode;

/**
 * Reads the lookup tables inside the command's transaction. Products, warehouses and suppliers are
 * never unregistered, so once a transaction that saw one has committed, this instance answers "exists"
 * for it from memory; "does not exist" is always asked of the database, where another instance may
 * have registered it since. Whether a product is discontinued or a supplier suspended changes, and is
 * always read.
 */
@Singleton
public class JpaCatalogLookup implements CatalogLookup {

    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private final TransactionSynchronizationRegistry transactions;

    JpaCatalogLookup(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    @Override
    public boolean productExists(Sku sku) {
        return exists("product:" + sku.value(), () -> KnownProduct.findById(sku.value()) != null);
    }

    @Override
    public boolean warehouseExists(WarehouseCode code) {
        return exists("warehouse:" + code.value(), () -> KnownWarehouse.findById(code.value()) != null);
    }

    @Override
    public boolean supplierExists(SupplierCode code) {
        return exists("supplier:" + code.value(), () -> KnownSupplier.findById(code.value()) != null);
    }

    @Override
    public boolean supplierSuspended(SupplierCode code) {
        return KnownSupplier.<KnownSupplier>findByIdOptional(code.value()).map(s -> s.suspended).orElse(false);
    }

    @Override
    public boolean productDiscontinued(Sku sku) {
        return KnownProduct.<KnownProduct>findByIdOptional(sku.value()).map(p -> p.discontinued).orElse(false);
    }

    /** A row this transaction itself inserted is remembered only if the transaction commits. */
    private boolean exists(String key, BooleanSupplier read) {
        if (known.contains(key)) {
            return true;
        }
        boolean exists = read.getAsBoolean();
        if (exists) {
            AfterCommit.run(transactions, () -> known.add(key));
        }
        return exists;
    }
}
