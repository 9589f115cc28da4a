package io.supplyline.events.supplier;

import io.supplyline.events.EventName;
import io.supplyline.events.EventRevision;

/** A new supplier; {@code leadTimeDays} is how long its deliveries usually take. */
@EventName("supplyline.supplier.SupplierRegistered")
@EventRevision("1")
public record SupplierRegistered(SupplierCode code, String name, int leadTimeDays) implements SupplierEvent {
}
