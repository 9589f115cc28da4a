package io.supplyline.events.purchasing;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A purchase order's identity: a UUID the command side assigns when the order is placed. */
public record PurchaseOrderId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public PurchaseOrderId {
        Objects.requireNonNull(value, "purchase order id");
    }

    public static PurchaseOrderId random() {
        return new PurchaseOrderId(UUID.randomUUID());
    }

    /** The PurchaseOrder aggregate's id in the event store and the Kafka record key. */
    public String aggregateId() {
        return "purchase-order:" + value;
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
