package io.supplyline.events.purchasing;

import io.supplyline.events.Quantity;
import io.supplyline.events.catalog.Sku;

/** A quantity of one SKU counted in at the warehouse against a purchase order. */
public record ReceivedLine(Sku sku, Quantity quantity) {
}
