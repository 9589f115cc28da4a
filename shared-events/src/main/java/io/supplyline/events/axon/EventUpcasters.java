package io.supplyline.events.axon;

import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

/** Every schema evolution of the catalog, in order; both the event store and the topic readers use it. */
public final class EventUpcasters {

    private EventUpcasters() {
    }

    public static EventUpcasterChain chain() {
        return new EventUpcasterChain(new ProductRegisteredUpcaster());
    }
}
