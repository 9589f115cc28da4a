package io.supplyline.query.engine;

import java.time.Instant;

/** What the engine reports of each committed batch, per projection. */
public interface BatchMeter {

    /** {@code events} applied by the projection's handlers in {@code cpuNanos} of CPU. */
    void applied(String projection, long events, long cpuNanos, Instant lastEventAt);

    /** An event of a type this version cannot read, parked by the projection. */
    void unknownType(String projection);
}
