package io.supplyline.events.supplier;

import io.supplyline.events.EventName;
import io.supplyline.events.EventRevision;

/** No new purchase orders may go to this supplier until it is reinstated. */
@EventName("supplyline.supplier.SupplierSuspended")
@EventRevision("1")
public record SupplierSuspended(SupplierCode code, String reason) implements SupplierEvent {
}
