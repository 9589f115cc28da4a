package io.supplyline.events.inventory;

import java.util.Objects;

import io.supplyline.events.catalog.Sku;
import io.supplyline.events.warehouse.WarehouseCode;

/** One SKU in one warehouse: the identity of a stock item. */
public record StockItemId(WarehouseCode warehouse, Sku sku) {

    /** How every stock item's aggregate id begins. */
    public static final String ID_PREFIX = "stock:";

    public StockItemId {
        Objects.requireNonNull(warehouse, "warehouse");
        Objects.requireNonNull(sku, "sku");
    }

    public static StockItemId of(String warehouse, String sku) {
        return new StockItemId(new WarehouseCode(warehouse), new Sku(sku));
    }

    /** The StockItem aggregate's id: unambiguous because business keys cannot contain ':'. */
    public String aggregateId() {
        return ID_PREFIX + warehouse.value() + ":" + sku.value();
    }

    @Override
    public String toString() {
        return aggregateId();
    }
}
