package io.supplyline.events.catalog;

import io.supplyline.events.EventName;
import io.supplyline.events.EventRevision;

/**
 * A new product. Revision 2 groups the reorder point and quantity into a {@link ReorderPolicy};
 * revision-1 events, with the two as top-level fields, are upcast on reading
 * ({@code io.supplyline.events.axon.ProductRegisteredUpcaster}).
 */
@EventName("supplyline.catalog.ProductRegistered")
@EventRevision("2")
public record ProductRegistered(Sku sku, String name, String unitOfMeasure, ReorderPolicy reorderPolicy)
        implements ProductEvent {
}
