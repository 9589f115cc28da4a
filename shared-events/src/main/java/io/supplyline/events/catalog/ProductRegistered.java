package io.supplyline.events.catalog;

import io.supplyline.events.EventRevision;

@EventRevision("1")
public record ProductRegistered(Sku sku, String name, String unitOfMeasure, int reorderPoint, int reorderQuantity)
        implements ProductEvent {
}
