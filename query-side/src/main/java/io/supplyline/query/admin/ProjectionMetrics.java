package io.supplyline.query.admin;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.supplyline.query.engine.DeadLetterQueues;
import io.supplyline.query.engine.ProjectionMeter;

/**
 * Per projection at {@code /q/metrics}: {@code supplyline_dead_letters} (events parked),
 * {@code supplyline_projection_lag_events} (events on the topic not yet applied: together with the
 * command side's reconciliation, whether every stored event reached every read model; this is the
 * consumer lag by the positions stored with the rows) and {@code supplyline_projection_lag_seconds}.
 * {@link ProjectionMeter} counts the rest: events applied, CPU, and events of a type this version
 * cannot read, parked.
 */
@Singleton
public class ProjectionMetrics {

    private final MeterRegistry registry;
    private final DeadLetterQueues deadLetters;
    private final ProjectionAdmin admin;

    ProjectionMetrics(MeterRegistry registry, DeadLetterQueues deadLetters, ProjectionAdmin admin) {
        this.registry = registry;
        this.deadLetters = deadLetters;
        this.admin = admin;
    }

    void register(@Observes StartupEvent event) {
        deadLetters.queues().forEach((projection, queue) -> Gauge.builder("supplyline.dead.letters", queue, q -> q.size())
                .tag("projection", projection)
                .description("Events the projection could not apply, parked with the later events of their aggregate")
                .register(registry));
        deadLetters.queues().keySet().forEach(projection -> Gauge.builder("supplyline.projection.lag.events",
                        admin, statuses -> statuses.lagEvents(projection))
                .tag("projection", projection)
                .description("Events on the topic the projection has still to apply")
                .register(registry));
        deadLetters.queues().keySet().forEach(projection -> Gauge.builder("supplyline.projection.lag.seconds",
                        admin, statuses -> statuses.lagSeconds(projection))
                .tag("projection", projection)
                .description("Now minus the time of the latest event applied, while events wait on this instance's partitions (NaN where it owns none)")
                .register(registry));
    }
}
