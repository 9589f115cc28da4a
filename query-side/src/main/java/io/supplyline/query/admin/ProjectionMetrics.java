package io.supplyline.query.admin;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.supplyline.query.axon.AxonConfiguration;

/**
 * Per projection at {@code /q/metrics}: {@code supplyline_dead_letters} (events parked),
 * {@code supplyline_projection_lag_events} (events on the topic not yet applied: together with the
 * command side's reconciliation, whether every stored event reached every read model; this is the
 * consumer lag, as positions live in the token store rather than in Kafka consumer groups) and
 * {@code supplyline_projection_lag_seconds}. The processors count {@code supplyline_events_unknown_total}
 * themselves (see {@link DeadLetterParking}): events of a type this version cannot read, parked.
 */
@Singleton
public class ProjectionMetrics {

    private final MeterRegistry registry;
    private final AxonConfiguration axon;
    private final ProjectionAdmin admin;

    ProjectionMetrics(MeterRegistry registry, AxonConfiguration axon, ProjectionAdmin admin) {
        this.registry = registry;
        this.axon = axon;
        this.admin = admin;
    }

    void register(@Observes StartupEvent event) {
        axon.deadLetterQueues().forEach((projection, queue) -> Gauge.builder("supplyline.dead.letters", queue, q -> q.size())
                .tag("projection", projection)
                .description("Events the projection could not apply, parked with the later events of their aggregate")
                .register(registry));
        axon.deadLetterQueues().keySet().forEach(projection -> Gauge.builder("supplyline.projection.lag.events",
                        admin, statuses -> statuses.lagEvents(projection))
                .tag("projection", projection)
                .description("Events on the topic the projection has still to apply")
                .register(registry));
        axon.deadLetterQueues().keySet().forEach(projection -> Gauge.builder("supplyline.projection.lag.seconds",
                        admin, statuses -> statuses.lagSeconds(projection))
                .tag("projection", projection)
                .description("Now minus the time of the latest event applied, while events wait (NaN where another instance applies it)")
                .register(registry));
    }
}
