package io.supplyline.events.shipping;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A shipment's identity: a UUID the command side assigns when the shipment is created. */
public record ShipmentId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ShipmentId {
        Objects.requireNonNull(value, "shipment id");
    }

    public static ShipmentId random() {
        return new ShipmentId(UUID.randomUUID());
    }

    /** The Shipment aggregate's id in the event store and the Kafka record key. */
    public String aggregateId() {
        return "shipment:" + value;
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
