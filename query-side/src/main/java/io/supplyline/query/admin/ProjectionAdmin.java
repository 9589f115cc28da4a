package io.supplyline.query.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Singleton;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaTrackingToken;

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

    ProjectionAdmin(AxonConfiguration axon, KafkaSettings kafka, ProjectionMeter meter) {
        this.axon = axon;
        this.kafka = kafka;
        this.meter = meter;
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

    private ProjectionStatus status(String name, TrackingEventProcessor processor, Map<TopicPartition, long[]> bounds) {
        Map<Integer, Long> positions = new TreeMap<>();
        processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getTrackingToken)
                .filter(token -> token != null)
                .map(KafkaTrackingToken::from)
                .forEach(token -> token.getPositions().forEach((partition, offset) ->
                        positions.merge(partition.partition(), offset, Math::max)));
        long lag = 0;
        for (Map.Entry<TopicPartition, long[]> partition : bounds.entrySet()) {
            Long position = positions.get(partition.getKey().partition());
            long next = position == null ? partition.getValue()[0] : position + 1;
            lag += Math.max(0, partition.getValue()[1] - next);
        }
        Instant lastEventAt = meter.lastEventAt(name);
        long lagMillis = lag == 0 ? 0 : lastEventAt == null ? -1 : Duration.between(lastEventAt, Instant.now()).toMillis();
        return new ProjectionStatus(name, processor.isRunning(), processor.isError(), positions, lag, lagMillis,
                meter.eventsPerSecond(name), lastEventAt);
    }

    /** Per partition of the topic: {first offset, end offset}. */
    private Map<TopicPartition, long[]> topicBounds() {
        Map<String, Object> properties = new HashMap<>(kafka.clientProperties());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = consumer.partitionsFor(EventTopic.NAME, KAFKA_TIMEOUT).stream()
                    .map(info -> new TopicPartition(EventTopic.NAME, info.partition())).toList();
            Map<TopicPartition, Long> first = consumer.beginningOffsets(partitions, KAFKA_TIMEOUT);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, KAFKA_TIMEOUT);
            Map<TopicPartition, long[]> bounds = new HashMap<>();
            partitions.forEach(partition -> bounds.put(partition, new long[] {first.get(partition), end.get(partition)}));
            return bounds;
        }
    }
}
