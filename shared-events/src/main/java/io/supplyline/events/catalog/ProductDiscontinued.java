package io.supplyline.events.catalog;

import io.supplyline.events.EventName;
import io.supplyline.events.EventRevision;

/** The product is no longer bought: no new purchase order may name it. */
@EventName("supplyline.catalog.ProductDiscontinued")
@EventRevision("1")
public record ProductDiscontinued(Sku sku, String reason) implements ProductEvent {
}
