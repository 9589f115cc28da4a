package io.supplyline.events.warehouse;

/** Everything that happens to a warehouse. */
public sealed interface WarehouseEvent permits WarehouseRegistered {
    WarehouseCode code();
}
