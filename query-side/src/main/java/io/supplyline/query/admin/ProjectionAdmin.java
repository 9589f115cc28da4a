package io.supplyline.query.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken;

import io.quarkus.runtime.ShutdownEvent;
import io.supplyline.events.EventTopic;
import io.supplyline.query.axon.AxonConfiguration;
import io.supplyline.query.axon.KafkaSettings;

/** The projections' processors as operators see them: running or not, position and lag in the topic. */
@Singleton
public class ProjectionAdmin {

    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(10);

    private final AxonConfiguration axon;
    private final KafkaSettings kafka;
    private final ProjectionMeter meter;
    private final StoredPositions stored;
    private static final Duration GAUGE_BOUNDS_FRESH = Duration.ofSeconds(1);
    private Map<TopicPartition, long[]> gaugeBounds;
    private long gaugeBoundsAt;
    /** One client for every offsets question: rebuilds ask four times a second, metrics on each scrape. */
    private Admin kafkaAdmin;

    ProjectionAdmin(AxonConfiguration axon, KafkaSettings kafka, ProjectionMeter meter, StoredPositions stored) {
        this.axon = axon;
        this.kafka = kafka;
        this.meter = meter;
        this.stored = stored;
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
        List<ProjectionStatus> statuses = new ArrayList<>();
        new TreeMap<>(axon.eventProcessing().eventProcessors()).forEach((name, processor) -> {
            if (processor instanceof TrackingEventProcessor tracking) {
                statuses.add(status(name, tracking, bounds));
            }
        });
        return statuses;
    }

    /** The projection's lag in events, or NaN when it cannot be told (no such processor, Kafka away). */
    public double lagEvents(String projection) {
        try {
            return axon.eventProcessing().eventProcessor(projection)
                    .filter(TrackingEventProcessor.class::isInstance)
                    .map(processor -> (double) lag(positions((TrackingEventProcessor) processor), gaugeBounds()))
                    .orElse(Double.NaN);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * How far behind the events the projection is in time (now minus the latest applied event's time,
     * while it has events to apply; 0 when it has none); NaN where it cannot be told here: another
     * instance applies it, or Kafka is away.
     */
    public double lagSeconds(String projection) {
        try {
            return axon.eventProcessing().eventProcessor(projection)
                    .filter(TrackingEventProcessor.class::isInstance)
                    .map(processor -> status(projection, (TrackingEventProcessor) processor, gaugeBounds()).lagMillis())
                    .filter(millis -> millis >= 0)
                    .map(millis -> millis / 1000.0)
                    .orElse(Double.NaN);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Events on the topic the processor has still to handle. */
    public long lagOf(TrackingEventProcessor processor) {
        return lag(positions(processor), topicBounds());
    }

    private ProjectionStatus status(String name, TrackingEventProcessor processor, Map<TopicPartition, long[]> bounds) {
        Map<Integer, Long> positions = positions(processor);
        long lag = lag(positions, bounds);
        Instant lastEventAt = meter.lastEventAt(name);
        // The time of the latest event applied is known only where the projection runs.
        boolean appliedHere = !processor.processingStatus().isEmpty();
        long lagMillis = lag == 0 ? 0 : lastEventAt == null || !appliedHere ? -1
                : Duration.between(lastEventAt, Instant.now()).toMillis();
        return new ProjectionStatus(name, processor.isRunning(), processor.isError(), positions, lag, lagMillis,
                meter.eventsPerSecond(name), lastEventAt, null);
    }

    /**
     * Per partition, the offset of the last event the processor handled: as this instance processes it,
     * or, when another query instance holds it, as its last batch stored it.
     */
    private Map<Integer, Long> positions(TrackingEventProcessor processor) {
        if (processor.processingStatus().isEmpty()) {
            return stored.of(processor.getName());
        }
        Map<Integer, Long> positions = new TreeMap<>();
        processor.processingStatus().values().stream()
                // A replay wraps the position; its lower bound is where the replay has got to.
                .map(status -> WrappedToken.unwrapLowerBound(status.getTrackingToken()))
                .filter(token -> token != null)
                .map(KafkaTrackingToken::from)
                .forEach(token -> token.getPositions().forEach((partition, offset) ->
                        positions.merge(partition.partition(), offset, Math::max)));
        return positions;
    }

    private static long lag(Map<Integer, Long> positions, Map<TopicPartition, long[]> bounds) {
        long lag = 0;
        for (Map.Entry<TopicPartition, long[]> partition : bounds.entrySet()) {
            Long position = positions.get(partition.getKey().partition());
            long next = position == null ? partition.getValue()[0] : position + 1;
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
