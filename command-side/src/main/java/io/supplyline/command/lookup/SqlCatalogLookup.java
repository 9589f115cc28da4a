package io.supplyline.command.lookup;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import jakarta.inject.Singleton;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.supplyline.events.catalog.Sku;
import io.supplyline.events.supplier.SupplierCode;
import io.supplyline.events.warehouse.WarehouseCode;
import io.supplyline.support.transaction.AfterCommit;

/**
 * Reads the lookup tables inside the command's transaction. Products, warehouses and suppliers are
 * never unregistered, so once a transaction that saw one has committed, this instance answers "exists"
 * for it from memory; "does not exist" is always asked of the database, where another instance may
 * have registered it since. Whether a product is discontinued or a supplier suspended changes, and is
 * always read.
 */
@Singleton
public class SqlCatalogLookup implements CatalogLookup {

    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private final TransactionSynchronizationRegistry transactions;
    private final LookupRows rows;

    SqlCatalogLookup(TransactionSynchronizationRegistry transactions, LookupRows rows) {
        this.transactions = transactions;
        this.rows = rows;
    }

    @Override
    public boolean productExists(Sku sku) {
        return exists("product:" + sku.value(), () -> flag("SELECT FALSE FROM known_product WHERE sku = ?", sku.value()).isPresent());
    }

    @Override
    public boolean warehouseExists(WarehouseCode code) {
        return exists("warehouse:" + code.value(), () -> flag("SELECT FALSE FROM known_warehouse WHERE code = ?", code.value()).isPresent());
    }

    @Override
    public boolean supplierExists(SupplierCode code) {
        return exists("supplier:" + code.value(), () -> flag("SELECT FALSE FROM known_supplier WHERE code = ?", code.value()).isPresent());
    }

    @Override
    public boolean supplierSuspended(SupplierCode code) {
        return flag("SELECT suspended FROM known_supplier WHERE code = ?", code.value()).orElse(false);
    }

    @Override
    public boolean productDiscontinued(Sku sku) {
        return flag("SELECT discontinued FROM known_product WHERE sku = ?", sku.value()).orElse(false);
    }

    /** The boolean the query selects of the row with this key, if there is one. */
    private Optional<Boolean> flag(String sql, String key) {
        return rows.first(sql, row -> row.getBoolean(1), key);
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
