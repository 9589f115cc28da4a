package io.supplyline.events.contract;

import java.util.List;

import io.supplyline.events.EventName;
import io.supplyline.events.EventRevision;
import io.supplyline.events.catalog.Sku;

/**
 * Earlier revisions of events, kept as the records they were so that their schemas stay generated and
 * checked: the topic keeps events forever, and those written before a revision was raised still have the
 * old shape. The services no longer write them; they read them through an upcaster.
 */
final class RetiredRevisions {

    static final List<Class<? extends Record>> RECORDS = List.of(ProductRegisteredRevision1.class);

    private RetiredRevisions() {
    }

    /** Before revision 2 nested them as a reorder policy, the point and quantity were top-level (ProductRegisteredUpcaster). */
    @EventName("supplyline.catalog.ProductRegistered")
    @EventRevision("1")
    record ProductRegisteredRevision1(Sku sku, String name, String unitOfMeasure, int reorderPoint,
                                      int reorderQuantity) {
    }
}
