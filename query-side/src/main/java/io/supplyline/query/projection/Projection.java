package io.supplyline.query.projection;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.serialization.UnknownSerializedType;

/**
 * An event handler of a read model. Its {@code @ProcessingGroup} names the projection it belongs to
 * (its dead letters, its rebuild); several handler classes may make up one projection.
 */
public interface Projection {

    /**
     * Claims the events whose type this version cannot read, so that they reach the projection at all.
     * The engine parks them before this runs; a retry that still cannot read one fails here, so the event
     * stays parked.
     */
    @EventHandler
    default void on(UnknownSerializedType event) {
        throw new UnknownEventType(event.serializedType());
    }
}
