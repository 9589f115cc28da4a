package io.supplyline.query.axon;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.axonframework.eventhandling.TrackingEventProcessor;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Shares the projections out among the query-side instances. Axon's processors claim any segment
 * nobody holds, so the first instance up would keep them all: here each instance says every
 * {@value #BEAT_SECONDS} s that it is alive, and one that holds more than its share of the segments
 * (all segments over live instances, rounded up) releases the surplus for a while, for another to
 * claim. An instance that dies stops beating, its claims time out, and the others take them over.
 */
@Singleton
public class SegmentBalancer {

    private static final Logger LOG = Logger.getLogger(SegmentBalancer.class);
    static final int BEAT_SECONDS = 2;
    /** Silent for this long, an instance no longer counts (and its claims are about to time out). */
    private static final int ALIVE_SECONDS = 10;
    /** Silent for this long, a crashed instance's row is removed (a stopped one removes its own). */
    private static final int FORGET_SECONDS = 300;
    /** Long enough for another instance's processor to look for unclaimed segments (every 5 s). */
    private static final Duration RELEASE = Duration.ofSeconds(12);

    private final DataSource dataSource;
    private final AxonConfiguration axon;
    private final String instanceId;
    private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "segment-balancer");
        thread.setDaemon(true);
        return thread;
    });

    SegmentBalancer(DataSource dataSource, AxonConfiguration axon) {
        this.dataSource = dataSource;
        this.axon = axon;
        this.instanceId = axon.nodeId();
    }

    void start(@Observes StartupEvent event) {
        beats.scheduleWithFixedDelay(this::beat, 0, BEAT_SECONDS, TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        beats.shutdownNow();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement gone = connection.prepareStatement("DELETE FROM query_instance WHERE instance_id = ?")) {
            gone.setString(1, instanceId);
            gone.executeUpdate();
        } catch (SQLException e) {
            LOG.debugf(e, "Could not sign off %s", instanceId);
        }
    }

    private void beat() {
        try {
            balance(liveInstances());
        } catch (SQLException | RuntimeException e) {
            // The next beat tries again; meanwhile every instance keeps what it holds.
            LOG.debugf(e, "Balancing the projections failed");
        }
    }

    /** Writes this instance's heartbeat and counts the instances alive, itself included. */
    private int liveInstances() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            beat(connection, instanceId);
            try (PreparedStatement forget = connection.prepareStatement("DELETE FROM query_instance"
                    + " WHERE seen_at < CURRENT_TIMESTAMP - INTERVAL '" + FORGET_SECONDS + "' SECOND")) {
                forget.executeUpdate();
            }
            try (PreparedStatement alive = connection.prepareStatement("SELECT count(*) FROM query_instance"
                    + " WHERE seen_at > CURRENT_TIMESTAMP - INTERVAL '" + ALIVE_SECONDS + "' SECOND");
                 ResultSet count = alive.executeQuery()) {
                count.next();
                return Math.max(1, count.getInt(1));
            }
        }
    }

    private void balance(int instances) {
        // Each processor has one segment (single-threaded), so segments are counted as processors.
        List<TrackingEventProcessor> processors = axon.liveProcessors();
        List<TrackingEventProcessor> held = processors.stream()
                .filter(processor -> !processor.processingStatus().isEmpty())
                .sorted(Comparator.comparing(TrackingEventProcessor::getName))
                .toList();
        int surplus = held.size() - fairShare(processors.size(), instances);
        for (int i = 0; i < surplus; i++) {
            TrackingEventProcessor processor = held.get(held.size() - 1 - i);
            processor.processingStatus().keySet().forEach(segment ->
                    processor.releaseSegment(segment, RELEASE.toMillis(), TimeUnit.MILLISECONDS));
            LOG.infof("Released %s for another of %d query instances to take", processor.getName(), instances);
        }
    }

    /** Says that {@code instance} is alive now. */
    static void beat(Connection connection, String instance) throws SQLException {
        try (PreparedStatement seen = connection.prepareStatement(
                "UPDATE query_instance SET seen_at = CURRENT_TIMESTAMP WHERE instance_id = ?")) {
            seen.setString(1, instance);
            if (seen.executeUpdate() == 0) {
                try (PreparedStatement first = connection.prepareStatement(
                        "INSERT INTO query_instance (instance_id, seen_at) VALUES (?, CURRENT_TIMESTAMP)")) {
                    first.setString(1, instance);
                    first.executeUpdate();
                }
            }
        }
    }

    /** The most segments one instance should hold: all of them over the live instances, rounded up. */
    static int fairShare(int segments, int instances) {
        return (segments + instances - 1) / instances;
    }
}
