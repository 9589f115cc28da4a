package io.supplyline.events.supplier;

import io.supplyline.events.EventRevision;

/** A new supplier; {@code leadTimeDays} is how long its deliveries usually take. */
@EventRevision("1")
public record SupplierRegistered(SupplierCode code, String name, int leadTimeDays) implements SupplierEvent {
}
