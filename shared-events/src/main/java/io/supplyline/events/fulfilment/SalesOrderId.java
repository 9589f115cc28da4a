package io.supplyline.events.fulfilment;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A customer order's identity: a UUID the command side assigns when the order is placed. */
public record SalesOrderId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public SalesOrderId {
        Objects.requireNonNull(value, "order id");
    }

    public static SalesOrderId random() {
        return new SalesOrderId(UUID.randomUUID());
    }

    /** The SalesOrder aggregate's id in the event store and the Kafka record key. */
    public String aggregateId() {
        return "order:" + value;
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
