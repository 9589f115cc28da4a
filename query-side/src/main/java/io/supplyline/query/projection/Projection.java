package io.supplyline.query.projection;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.serialization.UnknownSerializedType;

/**
 * An event handler of a read model. Each is registered with the tracking processor of its
 * {@code @ProcessingGroup}; several handlers may share one group (and so one position in the topic).
 */
public interface Projection {

    /**
     * Claims the events whose type this version cannot read: without a handler, Axon would pass over them
     * silently. The dead-letter parking parks them before this runs; a retry that still cannot read one
     * fails here, so the event stays parked.
     */
    @EventHandler
    default void on(UnknownSerializedType event) {
        throw new UnknownEventType(event.serializedType());
    }
}
