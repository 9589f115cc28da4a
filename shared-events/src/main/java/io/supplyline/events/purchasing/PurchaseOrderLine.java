package io.supplyline.events.purchasing;

import io.supplyline.events.Money;
import io.supplyline.events.Quantity;
import io.supplyline.events.catalog.Sku;

/** What a purchase order asks for: a quantity of one SKU at a unit price. */
public record PurchaseOrderLine(Sku sku, Quantity quantity, Money unitPrice) {
}
