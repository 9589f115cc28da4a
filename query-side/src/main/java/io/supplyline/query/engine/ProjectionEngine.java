package io.supplyline.query.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.supplyline.support.kafka.KafkaSettings;
import io.supplyline.support.kafka.Topics;

/**
 * The live projection engine: one Kafka consumer per query instance reads the event topic once for every
 * read model. The instances sharing a read-model database form one consumer group ({@link LiveConsumer}), so
 * Kafka gives each partition to one live instance and moves it (cooperatively) when one joins, leaves or dies;
 * a partition starts where the database says its rows are ({@link OwnedPartitions}), never where Kafka's
 * committed offsets say. Batches are applied by {@link BatchApplier}.
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
    private final OwnedPartitions owned;
    private final Suspension suspension = new Suspension();
    private volatile boolean running;
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
        this.owned = new OwnedPartitions(dataSource);
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
        suspension.suspend(MAX_BACK_OFF.plus(Duration.ofSeconds(5)), () -> running);
    }

    public void resume() {
        suspension.resume();
    }

    /** Whether the engine applies events now: running, not suspended, its last batch not failed. */
    public boolean applying() {
        return running && !suspension.suspended() && error == null;
    }

    /** Why the last attempt failed, or null. */
    public String error() {
        return error;
    }

    /** Per partition, the next offset to apply as the database has it (for every instance's partitions). */
    public Map<Integer, Long> storedPositions() {
        return PartitionPositions.all(dataSource);
    }

    /** The partitions this instance owns, with the next offset of each. */
    public Map<Integer, Long> ownedPositions() {
        return Map.copyOf(owned.positions());
    }

    private void run() {
        int failures = 0;
        while (running) {
            try {
                ensureTopic();
                PartitionPositions.adoptLegacyTokens(dataSource);
                try (KafkaConsumer<String, byte[]> kafkaConsumer = LiveConsumer.open(records, settings, owned)) {
                    consumer = kafkaConsumer;
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
                owned.clear();
                consumer = null;
            }
        }
    }

    /** One poll and its batch; @return whether a batch was applied. */
    private boolean step(KafkaConsumer<String, byte[]> kafkaConsumer) {
        try {
            // Newly assigned partitions (and those of a failed batch) start where their rows are.
            if (owned.positionNew(kafkaConsumer)) {
                error = null;
            }
        } catch (RuntimeException e) {
            error = e.toString();
            backOff(1);
        }
        if (suspension.holds(kafkaConsumer, settings.maxWait())) {
            return false;
        }
        kafkaConsumer.resume(owned.ready(kafkaConsumer));
        ConsumerRecords<String, byte[]> polled = kafkaConsumer.poll(settings.maxWait());
        if (polled.isEmpty()) {
            return false;
        }
        List<BatchSlot> batch = LiveConsumer.batchOf(records, polled);
        try {
            applier.apply(batch, owned.positions(), live);
            error = null;
            owned.commitForTools(kafkaConsumer, polled);
            return true;
        } catch (RuntimeException e) {
            error = e.toString();
            LOG.warnf("A batch of %d events could not be applied (%s); it is read again from the stored positions",
                    batch.size(), e);
            // What was polled and not committed is read again, from where the database says the rows are.
            owned.readAgain(kafkaConsumer);
            if (Failures.conflict(e)) {
                // Another instance won a race: try again at once, after a pause that differs per instance.
                pause(ThreadLocalRandom.current().nextLong(10, 60));
            } else {
                backOff(1);
            }
            return false;
        }
    }

    private void ensureTopic() throws Exception {
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            Topics.ensureExists(admin, kafka.partitions(), kafka.replicationFactor(), kafka.minInsyncReplicas());
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
