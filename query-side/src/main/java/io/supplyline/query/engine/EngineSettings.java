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

    /** Events per batch of the live engine (one transaction), at most. */
    @WithDefault("2000")
    int maxBatch();

    /**
     * Events per batch of a rebuild, at most. A rebuild keeps its rows in memory, so a batch costs it little
     * more than its transaction; larger batches cost more than they save: the events decoded ahead and being
     * applied outgrow the survivor spaces of a small heap, and the old generation fills with them (the batch
     * sizes measured: docs/performance.md, Other measurements).
     */
    @WithDefault("250")
    int replayMaxBatch();

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
