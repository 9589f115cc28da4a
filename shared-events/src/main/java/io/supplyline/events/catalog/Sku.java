package io.supplyline.events.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.supplyline.events.BusinessKey;

/** Stock keeping unit: the product's business key, chosen by the caller. */
public record Sku(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Sku {
        BusinessKey.require("sku", value);
    }

    /** The Product aggregate's id in the event store and the Kafka record key. */
    public String aggregateId() {
        return "product:" + value;
    }

    @Override
    public String toString() {
        return value;
    }
}
