package io.supplyline.command.reconciliation;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import javax.sql.DataSource;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.supplyline.command.eventstore.EventStoreReader;
import io.supplyline.support.axon.StoredTokens;
import io.supplyline.command.processors.ProcessorNames;

/**
 * Prometheus gauges (at {@code /q/metrics}) of the relay's lag and of the last whole-store
 * reconciliation, which runs every {@code supplyline.reconciliation.interval} (0: only on request).
 */
@Singleton
public class ReconciliationMetrics {

    private static final Logger LOG = Logger.getLogger(ReconciliationMetrics.class);

    private final MeterRegistry registry;
    private final Reconciler reconciler;
    private final DataSource dataSource;
    private final EventStoreReader reader;
    private final Configuration axon;
    private final Duration interval;
    private ScheduledExecutorService schedule;

    ReconciliationMetrics(MeterRegistry registry, Reconciler reconciler, DataSource dataSource, EventStoreReader reader,
                          Configuration axon,
                          @ConfigProperty(name = "supplyline.reconciliation.interval") Duration interval) {
        this.registry = registry;
        this.reconciler = reconciler;
        this.dataSource = dataSource;
        this.reader = reader;
        this.axon = axon;
        this.interval = interval;
    }

    void start(@Observes StartupEvent event) {
        gauge("supplyline.reconciliation.missing.events", "Stored events not on the topic, at the last reconciliation",
                Reconciliation::missingFromTopic);
        gauge("supplyline.reconciliation.lost.events", "Stored events the relay passed that are not on the topic, at the last reconciliation",
                Reconciliation::lostFromTopic);
        gauge("supplyline.reconciliation.duplicate.events", "Events on the topic more than once, at the last reconciliation",
                Reconciliation::duplicatesOnTopic);
        gauge("supplyline.reconciliation.out.of.order.events", "Events on the topic after a later one of their aggregate",
                Reconciliation::outOfOrderOnTopic);
        gauge("supplyline.reconciliation.unknown.events", "Events on the topic that the store does not have",
                Reconciliation::unknownOnTopic);
        Gauge.builder("supplyline.relay.lag.events", this, metrics -> metrics.lagOf(ProcessorNames.KAFKA_RELAY))
                .description("Events committed but not yet published by the relay").register(registry);
        Gauge.builder("supplyline.relay.lag.seconds", this, ReconciliationMetrics::relayLagSeconds)
                .description("How long the oldest event not yet published by the relay has waited").register(registry);
        for (String processor : List.of(ProcessorNames.GOODS_INTO_STOCK, ProcessorNames.ORDER_FULFILMENT)) {
            Gauge.builder("supplyline.process.lag.events", this, metrics -> metrics.lagOf(processor))
                    .tag("process", processor)
                    .description("Events committed but not yet seen by the process").register(registry);
        }
        if (!interval.isZero()) {
            schedule = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "reconciliation"));
            schedule.scheduleWithFixedDelay(this::reconcile, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }

    private void reconcile() {
        try {
            Reconciliation result = reconciler.run(null);
            if (!result.consistent()) {
                LOG.warnf("Store and topic differ: %s", result);
            }
        } catch (RuntimeException e) {
            LOG.warn("Reconciliation failed; the next one will try again", e);
        }
    }

    private void gauge(String name, String description, ToDoubleFunction<Reconciliation> figure) {
        Gauge.builder(name, reconciler, r -> r.last() == null ? Double.NaN : figure.applyAsDouble(r.last()))
                .description(description).register(registry);
    }

    /** Committed events a tracking processor has not handled yet. */
    private double lagOf(String processorName) {
        try {
            return reader.undelivered(position(processorName));
        } catch (SQLException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** How long the oldest event the relay has not published yet has waited (0: none waits). */
    private double relayLagSeconds() {
        try {
            return reader.oldestUndelivered(position(ProcessorNames.KAFKA_RELAY))
                    .map(stored -> Math.max(0, Duration.between(stored, Instant.now()).toMillis() / 1000.0))
                    .orElse(0.0);
        } catch (SQLException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * Where a tracking processor stands: as it runs here, or, when another command instance holds
     * it, as its last batch stored it in the token store. (Each runs as one segment.)
     */
    private TrackingToken position(String processorName) throws SQLException {
        if (axon.eventProcessingConfiguration().eventProcessor(processorName).orElse(null) instanceof TrackingEventProcessor processor
                && !processor.processingStatus().isEmpty()) {
            return WrappedToken.unwrapLowerBound(processor.processingStatus().values().iterator().next().getTrackingToken());
        }
        try (Connection connection = dataSource.getConnection()) {
            List<TrackingToken> stored = StoredTokens.of(connection, processorName);
            return stored.isEmpty() ? null : stored.get(0);
        }
    }
}
