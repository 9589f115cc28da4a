package io.supplyline.query.admin;

import java.time.Duration;
import java.util.Map;

import io.supplyline.query.engine.ProjectionEngine;
import io.supplyline.query.engine.TopicReplay;

/**
 * The live positions a rebuild's replay moves towards ({@link RebuildRun}): read again at most every
 * {@link #BOUNDS_AGE} (each read is a query, and a rebuild's batch takes a few milliseconds), and always
 * before the replay says it has reached them.
 */
final class LiveBounds {

    private static final Duration BOUNDS_AGE = Duration.ofMillis(100);

    private final ProjectionEngine engine;
    private final RebuildProgress progress;
    /** The live positions as last read, and when (System.nanoTime). */
    private Map<Integer, Long> bounds = Map.of();
    private long boundsReadAt = System.nanoTime() - BOUNDS_AGE.toNanos() - 1;

    LiveBounds(ProjectionEngine engine, RebuildProgress progress) {
        this.engine = engine;
        this.progress = progress;
    }

    /** One step of the replay towards the live positions; @return whether it has reached them. */
    boolean caughtUp(TopicReplay topic) throws InterruptedException {
        if (System.nanoTime() - boundsReadAt > BOUNDS_AGE.toNanos()) {
            read();
        }
        boolean reached = topic.stepTowards(bounds);
        if (reached) {
            // The positions may have moved since they were read: reached means reached what they are now.
            read();
            reached = topic.stepTowards(bounds);
        }
        progress.lag(topic.lag(bounds));
        return reached;
    }

    private void read() {
        bounds = engine.storedPositions();
        boundsReadAt = System.nanoTime();
    }
}
