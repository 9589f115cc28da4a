package io.supplyline.events.catalog;

import io.supplyline.events.EventName;
import io.supplyline.events.EventRevision;

@EventName("supplyline.catalog.ReorderPolicyChanged")
@EventRevision("1")
public record ReorderPolicyChanged(Sku sku, ReorderPolicy reorderPolicy) implements ProductEvent {
}
