package io.supplyline.events.catalog;

import io.supplyline.events.EventRevision;

@EventRevision("1")
public record ReorderPolicyChanged(Sku sku, ReorderPolicy reorderPolicy) implements ProductEvent {
}
