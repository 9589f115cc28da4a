package io.supplyline.query.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.axonframework.eventhandling.EventMessage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.supplyline.events.EventTopic;
import io.supplyline.query.axon.KafkaSettings;

/**
 * The live projection engine: one Kafka consumer per query instance reads the event topic once for
 * every read model. The instances sharing a read-model database form one consumer group, so Kafka
 * gives each partition to one live instance and moves it (cooperatively) when one joins, leaves or
 * dies. On assignment a partition starts where the database says its rows are, never where Kafka's
 * committed offsets say (those are committed afterwards only for tools that show consumer lag).
 * Batches are applied by {@link BatchApplier}.
 */
@Singleton
public class ProjectionEngine {

    private static final Logger LOG = Logger.getLogger(ProjectionEngine.class);
    private static final Duration MAX_BACK_OFF = Duration.ofSeconds(10);

    private final EngineSettings settings;
    private final KafkaSettings kafka;
    private final EventRecords records;
    private final DataSource dataSource;
    private final BatchApplier applier;
    private final LiveTables live;
    /** Next offset of each partition this instance owns and has positioned; written by the engine thread. */
    private final Map<Integer, Long> positions = new ConcurrentHashMap<>();
    private final Set<TopicPartition> unpositioned = new HashSet<>();
    private volatile boolean running;
    private volatile boolean suspended;
    /** Set by the engine thread once it has paused for a suspension: no batch is under way then. */
    private volatile boolean pausedForSuspension;
    private volatile String error;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    ProjectionEngine(EngineSettings settings, KafkaSettings kafka, EventRecords records, DataSource dataSource,
                     ProjectionHandlers handlers, DeadLetterQueues deadLetters, ProjectionMeter meter,
                     @ConfigProperty(name = "quarkus.datasource.db-kind") String databaseKind) {
        this.settings = settings;
        this.kafka = kafka;
        this.records = records;
        this.dataSource = dataSource;
        this.applier = new BatchApplier(handlers, handlers.names(), meter);
        this.live = new LiveTables(dataSource, deadLetters, databaseKind.equals("postgresql"));
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "projection-engine");
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(Duration.ofSeconds(15).toMillis());
        }
    }

    /**
     * Stops applying events (the instance keeps its partitions); for operators and tests. Returns once the
     * batch under way, if any, is done (or after a while, if the engine is away).
     */
    public void suspend() throws InterruptedException {
        suspended = true;
        long deadline = System.nanoTime() + MAX_BACK_OFF.toNanos() + Duration.ofSeconds(5).toNanos();
        while (running && !pausedForSuspension && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    public void resume() {
        suspended = false;
    }

    /** Whether the engine applies events now: running, not suspended, its last batch not failed. */
    public boolean applying() {
        return running && !suspended && error == null;
    }

    /** Why the last attempt failed, or null. */
    public String error() {
        return error;
    }

    /** Per partition, the next offset to apply as the database has it (for every instance's partitions). */
    public Map<Integer, Long> storedPositions() {
        try (Connection connection = dataSource.getConnection()) {
            return PartitionPositions.all(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the projections' positions", e);
        }
    }

    /** The partitions this instance owns, with the next offset of each. */
    public Map<Integer, Long> ownedPositions() {
        return Map.copyOf(positions);
    }

    private void run() {
        int failures = 0;
        while (running) {
            try {
                ensureTopic();
                PartitionPositions.adoptLegacyTokens(dataSource);
                try (KafkaConsumer<String, byte[]> kafkaConsumer = new KafkaConsumer<>(consumerProperties())) {
                    consumer = kafkaConsumer;
                    kafkaConsumer.subscribe(List.of(EventTopic.NAME), new Rebalance(kafkaConsumer));
                    while (running) {
                        if (step(kafkaConsumer)) {
                            failures = 0;
                        }
                    }
                }
            } catch (WakeupException e) {
                // stopping
            } catch (Exception e) {
                failures++;
                error = e.toString();
                LOG.warnf("The projection engine failed (%s); starting again", e);
                backOff(failures);
            } finally {
                positions.clear();
                unpositioned.clear();
                consumer = null;
            }
        }
    }

    /** One poll and its batch; @return whether a batch was applied. */
    private boolean step(KafkaConsumer<String, byte[]> kafkaConsumer) {
        positionNewPartitions(kafkaConsumer);
        if (suspended) {
            kafkaConsumer.pause(kafkaConsumer.assignment());
            pausedForSuspension = true;
            kafkaConsumer.poll(settings.maxWait());
            return false;
        }
        pausedForSuspension = false;
        Set<TopicPartition> ready = new HashSet<>(kafkaConsumer.assignment());
        ready.removeAll(unpositioned);
        kafkaConsumer.resume(ready);
        ConsumerRecords<String, byte[]> polled = kafkaConsumer.poll(settings.maxWait());
        if (polled.isEmpty()) {
            return false;
        }
        List<BatchApplier.Slot> batch = new ArrayList<>(polled.count());
        for (ConsumerRecord<String, byte[]> record : ArrivalOrder.of(polled)) {
            EventMessage<?> event = records.event(record).orElse(null);
            if (event == null) {
                LOG.warnf("Record %s-%d@%d is not an event message; passed over", record.topic(), record.partition(),
                        record.offset());
            }
            batch.add(new BatchApplier.Slot(event, record.partition(), record.offset()));
        }
        try {
            applier.apply(batch, positions, live);
            error = null;
            commitForTools(kafkaConsumer, polled);
            return true;
        } catch (RuntimeException e) {
            error = e.toString();
            LOG.warnf("A batch of %d events could not be applied (%s); it is read again from the stored positions",
                    batch.size(), e);
            // What was polled and not committed is read again, from where the database says the rows are.
            unpositioned.addAll(kafkaConsumer.assignment());
            positions.clear();
            kafkaConsumer.pause(kafkaConsumer.assignment());
            if (Failures.conflict(e)) {
                // Another instance won a race: try again at once, after a pause that differs per instance.
                pause(ThreadLocalRandom.current().nextLong(10, 60));
            } else {
                backOff(1);
            }
            return false;
        }
    }

    /** Positions newly assigned partitions (and those of a failed batch) where their rows are. */
    private void positionNewPartitions(KafkaConsumer<String, byte[]> kafkaConsumer) {
        if (unpositioned.isEmpty()) {
            return;
        }
        unpositioned.retainAll(kafkaConsumer.assignment());
        List<Integer> partitions = unpositioned.stream().map(TopicPartition::partition).toList();
        try {
            Map<Integer, Long> stored = QuarkusTransaction.requiringNew().call(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    return PartitionPositions.claim(connection, partitions);
                }
            });
            for (TopicPartition partition : unpositioned) {
                long next = stored.get(partition.partition());
                kafkaConsumer.seek(partition, next);
                positions.put(partition.partition(), next);
            }
            unpositioned.clear();
            error = null;
        } catch (RuntimeException e) {
            error = e.toString();
            LOG.warnf("Cannot read the stored positions of partitions %s (%s); they wait", partitions, e);
            backOff(1);
        }
    }

    /** Kafka's committed offsets follow the database's, for tools that show a consumer group's lag. */
    private void commitForTools(KafkaConsumer<String, byte[]> kafkaConsumer, ConsumerRecords<String, byte[]> polled) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : polled.partitions()) {
            Long next = positions.get(partition.partition());
            if (next != null) {
                offsets.put(partition, new OffsetAndMetadata(next));
            }
        }
        kafkaConsumer.commitAsync(offsets, null);
    }

    private final class Rebalance implements ConsumerRebalanceListener {

        private final KafkaConsumer<String, byte[]> kafkaConsumer;

        Rebalance(KafkaConsumer<String, byte[]> kafkaConsumer) {
            this.kafkaConsumer = kafkaConsumer;
        }

        /** Between batches (a rebalance happens inside a poll): nothing of them is under way. */
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            partitions.forEach(partition -> positions.remove(partition.partition()));
            unpositioned.removeAll(partitions);
            LOG.infof("Partitions %s went to another query instance", partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            kafkaConsumer.pause(partitions);
            unpositioned.addAll(partitions);
            if (!partitions.isEmpty()) {
                LOG.infof("Partitions %s are this instance's now", partitions);
            }
        }
    }

    private Map<String, Object> consumerProperties() {
        Map<String, Object> properties = records.consumerProperties();
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        // Names the instance among the group's members (kafka-consumer-groups --describe --members).
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "supplyline-query-" + ProcessHandle.current().pid());
        properties.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxBatch());
        properties.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) settings.sessionTimeout().toMillis());
        properties.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) settings.sessionTimeout().toMillis() / 4);
        // Only until a partition is positioned from the database (it stays paused meanwhile); a batch that
        // does not start at the stored position is never applied (see BatchApplier.moves).
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return properties;
    }

    private void ensureTopic() throws Exception {
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            EventTopic.ensureExists(admin, kafka.partitions(), kafka.replicationFactor(), kafka.minInsyncReplicas());
        }
    }

    private void backOff(int failures) {
        pause(Math.min(MAX_BACK_OFF.toMillis(), 100L << Math.min(failures, 10)));
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
