package io.supplyline.query.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import io.quarkus.runtime.ShutdownEvent;
import io.supplyline.events.EventTopic;
import io.supplyline.query.engine.ProjectionEngine;
import io.supplyline.query.engine.ProjectionHandlers;
import io.supplyline.support.kafka.KafkaSettings;
import io.supplyline.query.engine.ProjectionMeter;

/** The projections as operators see them: applying or not, position and lag in the topic. */
@Singleton
public class ProjectionAdmin {

    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(10);

    private final ProjectionEngine engine;
    private final ProjectionHandlers handlers;
    private final KafkaSettings kafka;
    private final ProjectionMeter meter;
    private static final Duration GAUGE_BOUNDS_FRESH = Duration.ofSeconds(1);
    private Map<TopicPartition, long[]> gaugeBounds;
    private long gaugeBoundsAt;
    /** One client for every offsets question: metrics ask on each scrape. */
    private Admin kafkaAdmin;

    ProjectionAdmin(ProjectionEngine engine, ProjectionHandlers handlers, KafkaSettings kafka, ProjectionMeter meter) {
        this.engine = engine;
        this.handlers = handlers;
        this.kafka = kafka;
        this.meter = meter;
    }

    private synchronized Admin kafkaAdmin() {
        if (kafkaAdmin == null) {
            kafkaAdmin = Admin.create(kafka.clientProperties());
        }
        return kafkaAdmin;
    }

    synchronized void close(@Observes ShutdownEvent event) {
        if (kafkaAdmin != null) {
            kafkaAdmin.close(KAFKA_TIMEOUT);
        }
    }

    public List<ProjectionStatus> statuses() {
        Map<TopicPartition, long[]> bounds = topicBounds();
        Map<Integer, Long> positions = engine.storedPositions();
        return handlers.names().stream().sorted().map(name -> status(name, positions, bounds)).toList();
    }

    /** The projections' lag in events (all share the engine's positions), or NaN when it cannot be told (Kafka away). */
    public double lagEvents(String projection) {
        try {
            return lag(engine.storedPositions(), gaugeBounds());
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * How far behind the events the projection is in time on this instance's partitions (now minus the
     * latest applied event's time, while they have events to apply; 0 when they have none); NaN where it
     * cannot be told: the instance owns no partition, has applied nothing yet, or Kafka is away. Across
     * instances, the maximum is the projection's.
     */
    public double lagSeconds(String projection) {
        try {
            Map<Integer, Long> owned = engine.ownedPositions();
            Map<TopicPartition, long[]> bounds = new HashMap<>(gaugeBounds());
            bounds.keySet().removeIf(partition -> !owned.containsKey(partition.partition()));
            Instant lastEventAt = meter.lastEventAt(projection);
            if (owned.isEmpty()) {
                return Double.NaN;
            }
            if (lag(owned, bounds) == 0) {
                return 0;
            }
            return lastEventAt == null ? Double.NaN : Duration.between(lastEventAt, Instant.now()).toMillis() / 1000.0;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private ProjectionStatus status(String name, Map<Integer, Long> next, Map<TopicPartition, long[]> bounds) {
        long lag = lag(next, bounds);
        Instant lastEventAt = meter.lastEventAt(name);
        long lagMillis = lag == 0 ? 0 : lastEventAt == null ? -1 : Duration.between(lastEventAt, Instant.now()).toMillis();
        // Per partition, the offset of the last event applied.
        Map<Integer, Long> positions = new TreeMap<>();
        next.forEach((partition, offset) -> {
            if (offset > 0) {
                positions.put(partition, offset - 1);
            }
        });
        return new ProjectionStatus(name, engine.applying(), engine.error() != null, positions, lag, lagMillis,
                meter.eventsPerSecond(name), lastEventAt, null);
    }

    private static long lag(Map<Integer, Long> positions, Map<TopicPartition, long[]> bounds) {
        long lag = 0;
        for (Map.Entry<TopicPartition, long[]> partition : bounds.entrySet()) {
            long next = Math.max(partition.getValue()[0], positions.getOrDefault(partition.getKey().partition(), 0L));
            lag += Math.max(0, partition.getValue()[1] - next);
        }
        return lag;
    }

    /**
     * The topic's bounds for the gauges: one scrape asks every projection for its lag in events and in
     * seconds, so the bounds are remembered for a second rather than asked of Kafka fourteen times.
     */
    private synchronized Map<TopicPartition, long[]> gaugeBounds() {
        if (gaugeBounds == null || System.nanoTime() - gaugeBoundsAt > GAUGE_BOUNDS_FRESH.toNanos()) {
            gaugeBounds = topicBounds();
            gaugeBoundsAt = System.nanoTime();
        }
        return gaugeBounds;
    }

    /** Per partition of the topic: {first offset, end offset}. */
    private Map<TopicPartition, long[]> topicBounds() {
        Admin kafkaAdmin = kafkaAdmin();
        try {
            List<TopicPartition> partitions = kafkaAdmin.describeTopics(List.of(EventTopic.NAME)).allTopicNames()
                    .get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(EventTopic.NAME).partitions().stream()
                    .map(info -> new TopicPartition(EventTopic.NAME, info.partition())).toList();
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> first = offsets(kafkaAdmin, partitions, OffsetSpec.earliest());
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = offsets(kafkaAdmin, partitions, OffsetSpec.latest());
            Map<TopicPartition, long[]> bounds = new HashMap<>();
            partitions.forEach(partition -> bounds.put(partition,
                    new long[] {first.get(partition).offset(), end.get(partition).offset()}));
            return bounds;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not read the topic's offsets", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets(
            Admin kafkaAdmin, List<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, spec));
        return kafkaAdmin.listOffsets(request).all().get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
