package io.supplyline.events.warehouse;

import io.supplyline.events.EventRevision;

@EventRevision("1")
public record WarehouseRegistered(WarehouseCode code, String name, String city, String country)
        implements WarehouseEvent {
}
