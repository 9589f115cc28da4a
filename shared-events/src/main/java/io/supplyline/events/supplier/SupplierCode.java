package io.supplyline.events.supplier;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.supplyline.events.BusinessKey;

/** A supplier's business key, chosen by the caller. */
public record SupplierCode(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public SupplierCode {
        BusinessKey.require("supplier code", value);
    }

    /** The Supplier aggregate's id in the event store and the Kafka record key. */
    public String aggregateId() {
        return "supplier:" + value;
    }

    @Override
    public String toString() {
        return value;
    }
}
