package io.supplyline.query.admin;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.supplyline.query.axon.AxonConfiguration;

/** {@code supplyline_dead_letters{projection}} at {@code /q/metrics}: events parked per projection. */
@Singleton
public class DeadLetterMetrics {

    private final MeterRegistry registry;
    private final AxonConfiguration axon;

    DeadLetterMetrics(MeterRegistry registry, AxonConfiguration axon) {
        this.registry = registry;
        this.axon = axon;
    }

    void register(@Observes StartupEvent event) {
        axon.deadLetterQueues().forEach((projection, queue) -> Gauge.builder("supplyline.dead.letters", queue, q -> q.size())
                .tag("projection", projection)
                .description("Events the projection could not apply, parked with the later events of their aggregate")
                .register(registry));
    }
}
