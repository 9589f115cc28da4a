package io.supplyline.command.catalog;

import io.supplyline.events.catalog.Sku;

public record RegisterProduct(Sku sku, String name, String unitOfMeasure, int reorderPoint, int reorderQuantity) {
}
