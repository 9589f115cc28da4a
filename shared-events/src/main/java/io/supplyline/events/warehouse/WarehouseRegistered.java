package io.supplyline.events.warehouse;

import io.supplyline.events.EventName;
import io.supplyline.events.EventRevision;

@EventName("supplyline.warehouse.WarehouseRegistered")
@EventRevision("1")
public record WarehouseRegistered(WarehouseCode code, String name, String city, String country)
        implements WarehouseEvent {
}
