package io.supplyline.events.supplier;

/** Everything that happens to a supplier. */
public sealed interface SupplierEvent permits SupplierRegistered, SupplierSuspended, SupplierReinstated {
    SupplierCode code();
}
