package io.supplyline.command.feeds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import jakarta.validation.Validator;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.supplyline.command.idempotency.IdempotentCommands;
import io.supplyline.command.lookup.ShipmentLookup;
import io.supplyline.support.kafka.KafkaSettings;
import io.supplyline.support.kafka.Topics;

/**
 * Starts a consumer thread per inbound feed once the command side can take commands, and stops them
 * before it stops taking them.
 */
@Singleton
public class Feeds {

    private static final Logger LOG = Logger.getLogger(Feeds.class);

    private final FeedSettings settings;
    private final KafkaSettings kafka;
    private final IdempotentCommands commands;
    private final ShipmentLookup shipments;
    private final ObjectMapper json;
    private final Validator validator;
    private final MeterRegistry meters;
    private final FeedRefusals refusals;
    /** One set per feed for the life of the process, also across a stop and start of the feeds. */
    private final Map<String, FeedMetrics> metrics = new HashMap<>();
    private final List<FeedConsumer> consumers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private RejectedRecords rejected;

    Feeds(FeedSettings settings, KafkaSettings kafka, IdempotentCommands commands, ShipmentLookup shipments,
          ObjectMapper json, Validator validator, MeterRegistry meters, DataSource dataSource) {
        this.settings = settings;
        this.kafka = kafka;
        this.commands = commands;
        this.shipments = shipments;
        this.json = json;
        this.validator = validator;
        this.meters = meters;
        this.refusals = new FeedRefusals(dataSource);
    }

    /** After the Axon configuration has started (default observer priority), so commands find their handlers. */
    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent event) throws Exception {
        if (!settings.enabled()) {
            return;
        }
        List<Feed> feeds = List.of(
                new TrackingFeed(settings.trackingTopic(), json, validator, shipments),
                new ScansFeed(settings.scansTopic(), json, validator),
                new OrdersFeed(settings.ordersTopic(), json, validator));
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            for (Feed feed : feeds) {
                Topics.ensureExists(admin, topic(feed.topic()));
            }
            Topics.ensureExists(admin, topic(settings.rejectedTopic()));
        }
        rejected = new RejectedRecords(settings.rejectedTopic(), kafka.clientProperties());
        for (Feed feed : feeds) {
            FeedMetrics feedMetrics = metrics.computeIfAbsent(feed.name(), name -> new FeedMetrics(name, meters));
            FeedConsumer consumer = new FeedConsumer(feed,
                    new KafkaConsumer<>(consumerSettings(feed), new ByteArrayDeserializer(), new ByteArrayDeserializer()),
                    new RecordHandler(feed, rejected, refusals, commands, feedMetrics), feedMetrics,
                    settings.maxRetryBackoff(), settings.parallelPartitions());
            Thread thread = new Thread(consumer, "feed-" + feed.name());
            consumers.add(consumer);
            threads.add(thread);
            thread.start();
            LOG.infof("Feed %s: reading %s as consumer group %s", feed.name(), feed.topic(), groupId(feed));
        }
    }

    /** Before the Axon configuration shuts down: a record in hand finishes, nothing new starts. */
    void stop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) throws InterruptedException {
        consumers.forEach(FeedConsumer::stop);
        for (Thread thread : threads) {
            thread.join(30_000);
        }
        consumers.clear();
        threads.clear();
        if (rejected != null) {
            rejected.close();
            rejected = null;
        }
    }

    private NewTopic topic(String name) {
        return new NewTopic(name, kafka.partitions(), kafka.replicationFactor()).configs(Map.of(
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(kafka.minInsyncReplicas())));
    }

    private String groupId(Feed feed) {
        return settings.groupPrefix() + feed.name();
    }

    private Map<String, Object> consumerSettings(Feed feed) {
        Map<String, Object> consumer = new HashMap<>(kafka.clientProperties());
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, groupId(feed));
        consumer.put(ConsumerConfig.CLIENT_ID_CONFIG, "supplyline-feed-" + feed.name());
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        return consumer;
    }
}
