package io.supplyline.query.projection;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.axonframework.eventhandling.EventMessage;

/**
 * The batch of events the projection engine is applying on this thread, so that handlers can load the
 * rows of all its aggregates at once ({@link BatchRows}) instead of one event at a time.
 */
public final class CurrentBatch {

    private static final ThreadLocal<CurrentBatch> CURRENT = new ThreadLocal<>();

    private final List<? extends EventMessage<?>> events;
    /**
     * The rows of the batch's transaction, once a handler has asked for them: finding them in the
     * transaction at every handler's call cost more than some handlers.
     */
    BatchRows rows;
    /** See {@link ProjectionRows#ofTransaction}. */
    final Map<Class<?>, Object> state = new HashMap<>();

    private CurrentBatch(List<? extends EventMessage<?>> events) {
        this.events = events;
    }

    /** Runs {@code work} with {@code events} as the current batch of this thread. */
    public static <T> T during(List<? extends EventMessage<?>> events, Supplier<T> work) {
        CurrentBatch outer = CURRENT.get();
        CURRENT.set(new CurrentBatch(events));
        try {
            return work.get();
        } finally {
            CURRENT.set(outer);
        }
    }

    /** The current batch, or null outside one. */
    static CurrentBatch get() {
        return CURRENT.get();
    }

    List<? extends EventMessage<?>> events() {
        return events;
    }
}
