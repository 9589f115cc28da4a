package io.supplyline.command.idempotency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * How long an Idempotency-Key is remembered ({@code supplyline.idempotency.retention}, 7 days by
 * default): after that the same key is a new request, and the answers older than that are deleted
 * every {@code supplyline.idempotency.cleanup-interval}.
 */
@Singleton
public class IdempotencyRetention {

    private static final Logger LOG = Logger.getLogger(IdempotencyRetention.class);

    private final Duration retention;
    private final Duration cleanupInterval;
    private final DataSource dataSource;
    private ScheduledExecutorService schedule;

    IdempotencyRetention(@ConfigProperty(name = "supplyline.idempotency.retention") Duration retention,
                         @ConfigProperty(name = "supplyline.idempotency.cleanup-interval") Duration cleanupInterval,
                         DataSource dataSource) {
        this.retention = retention;
        this.cleanupInterval = cleanupInterval;
        this.dataSource = dataSource;
    }

    /** Answers recorded before this instant are forgotten. */
    Instant cutoff() {
        return Instant.now().minus(retention);
    }

    /** @return how many expired answers were deleted */
    public long forgetExpired() {
        Instant cutoff = cutoff();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM idempotent_request WHERE recorded_at < ?")) {
            delete.setObject(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
            long forgotten = delete.executeUpdate();
            // The feeds' refused records are their other first outcomes, kept as long.
            try (PreparedStatement refusals = connection.prepareStatement("DELETE FROM feed_refusal WHERE refused_at < ?")) {
                refusals.setObject(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
                return forgotten + refusals.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot delete expired Idempotency-Key answers", e);
        }
    }

    void start(@Observes StartupEvent event) {
        schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "idempotency-cleanup");
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleWithFixedDelay(this::forgetQuietly, cleanupInterval.toSeconds(), cleanupInterval.toSeconds(),
                TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        schedule.shutdownNow();
    }

    private void forgetQuietly() {
        try {
            long forgotten = forgetExpired();
            if (forgotten > 0) {
                LOG.infof("Forgot %d Idempotency-Key answers older than %s", forgotten, retention);
            }
        } catch (RuntimeException e) {
            // The database may be away for a while; the next round deletes what this one could not.
            LOG.warnf("Could not delete expired Idempotency-Key answers: %s", e.getMessage());
        }
    }
}
