package io.supplyline.query.projection;

import org.axonframework.serialization.SerializedType;

/**
 * An event of a type this version of the query side does not know, such as one a newer command side
 * publishes during a rolling upgrade. It is parked rather than passed over: once the query side knows
 * the type, an admin's retry applies it, and the aggregate's events parked behind it, in order.
 */
public class UnknownEventType extends RuntimeException {

    public UnknownEventType(SerializedType type) {
        super("Event type " + type.getName() + (type.getRevision() == null ? "" : " revision " + type.getRevision())
                + " is unknown to this version of the query side: upgrade it, then retry");
    }
}
