package io.supplyline.events.supplier;

import io.supplyline.events.EventRevision;

/** No new purchase orders may go to this supplier until it is reinstated. */
@EventRevision("1")
public record SupplierSuspended(SupplierCode code, String reason) implements SupplierEvent {
}
