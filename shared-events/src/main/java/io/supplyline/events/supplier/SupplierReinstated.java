package io.supplyline.events.supplier;

import io.supplyline.events.EventRevision;

@EventRevision("1")
public record SupplierReinstated(SupplierCode code) implements SupplierEvent {
}
