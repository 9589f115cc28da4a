package io.supplyline.command.warehouse;

import io.supplyline.events.warehouse.WarehouseCode;

public record RegisterWarehouse(WarehouseCode code, String name, String city, String country) {
}
