package io.supplyline.command.supplier;

import io.supplyline.events.supplier.SupplierCode;

public record RegisterSupplier(SupplierCode code, String name, int leadTimeDays) {
}
