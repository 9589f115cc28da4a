package io.supplyline.events.fulfilment;

import io.supplyline.events.catalog.Sku;

/** A quantity of one SKU a customer ordered. */
public record OrderLine(Sku sku, int quantity) {
}
