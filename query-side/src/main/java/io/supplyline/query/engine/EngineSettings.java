package io.supplyline.query.engine;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the projection engine reads the topic; see application.properties. */
@ConfigMapping(prefix = "supplyline.projections")
public interface EngineSettings {

    /**
     * The Kafka consumer group of the query instances that share one read-model database: Kafka gives
     * each partition to one of them. Query instances with a database of their own need a group of their own.
     */
    @WithDefault("supplyline-query")
    String groupId();

    /**
     * Events per batch (one transaction), at most. Larger batches cost a rebuild more than they save: the
     * events decoded ahead and being applied outgrow the young generation of a small heap.
     */
    @WithDefault("2000")
    int maxBatch();

    /**
     * A rebuild keeps its rows in memory while the old generation of the heap, after its last collection,
     * fills at most this share of its maximum; past it, the rebuild writes its rows, lets them go and reads
     * those it needs again from its tables (slower, but the heap does not run out).
     */
    @WithDefault("0.85")
    double replayHeapShare();

    /** How long a poll waits for events when none are there. */
    @WithDefault("50ms")
    Duration maxWait();

    /** Silent for this long, an instance (a crashed one) loses its partitions to the others. */
    @WithDefault("10s")
    Duration sessionTimeout();
}
