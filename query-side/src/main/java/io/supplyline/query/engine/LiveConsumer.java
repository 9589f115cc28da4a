package io.supplyline.query.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.axonframework.eventhandling.EventMessage;
import org.jboss.logging.Logger;

import io.supplyline.events.EventTopic;

/**
 * The live engine's Kafka consumer: a member of the consumer group of the instances that share a
 * read-model database, and what its polls become (a batch in arrival order).
 */
final class LiveConsumer {

    /** Under the engine's name, with the rest of what the live engine logs. */
    private static final Logger LOG = Logger.getLogger(ProjectionEngine.class);

    private LiveConsumer() {
    }

    /** A consumer subscribed to the event topic, its partitions followed by {@code owned}. */
    static KafkaConsumer<String, byte[]> open(EventRecords records, EngineSettings settings, OwnedPartitions owned) {
        Map<String, Object> properties = records.consumerProperties();
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        // Names the instance among the group's members (kafka-consumer-groups --describe --members).
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "supplyline-query-" + ProcessHandle.current().pid());
        properties.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxBatch());
        properties.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) settings.sessionTimeout().toMillis());
        properties.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) settings.sessionTimeout().toMillis() / 4);
        // Only until a partition is positioned from the database (it stays paused meanwhile); a batch that
        // does not start at the stored position is never applied (see BatchSlot.moves).
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties);
        try {
            consumer.subscribe(List.of(EventTopic.NAME), owned.rebalanceListener(consumer));
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
        return consumer;
    }

    /** The polled records as a batch, in arrival order; a record that is no event message is passed over. */
    static List<BatchSlot> batchOf(EventRecords records, ConsumerRecords<String, byte[]> polled) {
        List<BatchSlot> batch = new ArrayList<>(polled.count());
        for (ConsumerRecord<String, byte[]> record : ArrivalOrder.of(polled)) {
            EventMessage<?> event = records.event(record).orElse(null);
            if (event == null) {
                LOG.warnf("Record %s-%d@%d is not an event message; passed over", record.topic(), record.partition(),
                        record.offset());
            }
            batch.add(new BatchSlot(event, record.partition(), record.offset()));
        }
        return batch;
    }
}
