package io.supplyline.events.warehouse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.supplyline.events.BusinessKey;

/** A warehouse's business key, chosen by the caller. */
public record WarehouseCode(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public WarehouseCode {
        BusinessKey.require("warehouse code", value);
    }

    /** The Warehouse aggregate's id in the event store and the Kafka record key. */
    public String aggregateId() {
        return "warehouse:" + value;
    }

    @Override
    public String toString() {
        return value;
    }
}
