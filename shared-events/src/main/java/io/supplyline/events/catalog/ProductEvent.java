package io.supplyline.events.catalog;

/** Everything that happens to a product. */
public sealed interface ProductEvent permits ProductRegistered, ReorderPolicyChanged, ProductDiscontinued {
    Sku sku();
}
