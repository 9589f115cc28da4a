package io.supplyline.events.supplier;

import io.supplyline.events.EventName;
import io.supplyline.events.EventRevision;

@EventName("supplyline.supplier.SupplierReinstated")
@EventRevision("1")
public record SupplierReinstated(SupplierCode code) implements SupplierEvent {
}
