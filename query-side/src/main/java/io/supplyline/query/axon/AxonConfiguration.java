package io.supplyline.query.axon;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.extensions.kafka.eventhandling.DefaultKafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.consumer.AsyncFetcher;
import org.axonframework.extensions.kafka.eventhandling.consumer.DefaultConsumerFactory;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaEventMessage;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.StreamableKafkaMessageSource;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.All;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.supplyline.events.EventTopic;
import io.supplyline.events.axon.CorrelationLogging;
import io.supplyline.events.axon.EventSerializer;
import io.supplyline.events.axon.EventUpcasters;
import io.supplyline.events.axon.JtaTransactionManager;
import io.supplyline.query.admin.DeadLetterParking;
import io.supplyline.query.admin.ProjectionMeter;
import io.supplyline.query.projection.Projection;

/**
 * All Axon wiring of the query side on one page. Each projection is its own tracking processor
 * reading supplychain.events from Kafka; its token (the Kafka offsets) lives in the query database
 * and commits in the same JTA transaction as the read-model rows the batch changed.
 */
@Singleton
public class AxonConfiguration {

    private final Configuration axon;
    private final KafkaSettings kafka;
    private final DataSource dataSource;
    private final List<Projection> projections;
    private final MeterRegistry registry;
    /**
     * One serializer for the topic and the dead-letter tables: a message read from Kafka is then parked
     * with its payload as it came, even one of a type this version cannot read (another serializer would
     * have to deserialize it to write it again).
     */
    private final Serializer serializer = EventSerializer.create();
    private final Map<String, SequencedDeadLetterQueue<EventMessage<?>>> deadLetters = new TreeMap<>();
    /**
     * Events per transaction of a projection, at most: a processor takes what has arrived, so under
     * light load batches stay small and quick, and under heavy load (or a rebuild) fewer commits.
     */
    private static final int PROJECTION_BATCH_SIZE = 500;
    /**
     * How long a processor waits for events before it renews its claim (a transaction) and looks
     * again; a stop request waits for it too. A rebuild stops the live processor and then its own:
     * Axon's default, a second, made each rebuild wait about that long twice.
     */
    private static final Duration LIVE_EVENT_WAIT = Duration.ofMillis(500);
    private static final Duration REPLAY_EVENT_WAIT = Duration.ofMillis(100);
    /** Who holds a projection's claim in the token store: this JVM, as {@code pid@host}. */
    private final String nodeId = ManagementFactory.getRuntimeMXBean().getName();
    /** Failed batches (with the processor's back-off in between) before an event is parked. */
    static final int DEAD_LETTER_AFTER_ATTEMPTS = 3;

    /** @param projections the handlers of every read model, with their processing groups */
    AxonConfiguration(DataSource dataSource, jakarta.transaction.TransactionManager jta, KafkaSettings kafka,
                      @All List<Projection> projections, ProjectionMeter meter, MeterRegistry registry) {
        this.kafka = kafka;
        this.dataSource = dataSource;
        this.projections = projections;
        this.registry = registry;
        TransactionManager transactions = new JtaTransactionManager(jta);
        var configurer = configurer(transactions);
        // One tracking processor per processing group, each with its own position in the topic.
        Set<String> groups = new LinkedHashSet<>();
        for (Projection projection : projections) {
            configurer.eventProcessing().registerEventHandler(c -> projection);
            groups.add(groupOf(projection));
        }
        for (String group : groups) {
            SequencedDeadLetterQueue<EventMessage<?>> queue = deadLetterQueue(group, transactions);
            deadLetters.put(group, queue);
            registerProcessor(configurer, group, meter.forProcessor(group), queue, LIVE_EVENT_WAIT);
        }
        this.axon = configurer.buildConfiguration();
    }

    /** A projection's dead letters, in the table {@code deadletterentry} its transactions find first. */
    private SequencedDeadLetterQueue<EventMessage<?>> deadLetterQueue(String group, TransactionManager transactions) {
        return JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(group)
                .connectionProvider(dataSource::getConnection)
                .transactionManager(transactions)
                .genericSerializer(serializer)
                .eventSerializer(serializer)
                .build();
    }

    /** Each projection's dead letters: the events it could not apply, parked per aggregate. */
    public Map<String, SequencedDeadLetterQueue<EventMessage<?>>> deadLetterQueues() {
        return deadLetters;
    }

    /** The handler objects of one projection (processing group). */
    public List<Projection> projectionsOf(String group) {
        return projections.stream().filter(projection -> groupOf(projection).equals(group)).toList();
    }

    /**
     * A configuration apart, with one processor that runs one projection's handlers over the topic
     * from its first offset, in transactions from {@code transactions}: a rebuild.
     */
    public Configuration replayConfiguration(String group, TransactionManager transactions,
                                             MessageHandlerInterceptor<EventMessage<?>> interceptor) {
        var configurer = configurer(transactions);
        projectionsOf(group).forEach(projection -> configurer.eventProcessing().registerEventHandler(c -> projection));
        // The replay parks what it cannot apply in its own dead-letter table, which the switch takes over.
        registerProcessor(configurer, group, interceptor, deadLetterQueue(group, transactions), REPLAY_EVENT_WAIT);
        return configurer.buildConfiguration();
    }

    private Configurer configurer(TransactionManager transactions) {
        var configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureTransactionManager(c -> transactions)
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer);
        configurer.eventProcessing()
                .registerTokenStore(c -> JdbcTokenStore.builder()
                        .connectionProvider(dataSource::getConnection)
                        .serializer(serializer)
                        .nodeId(nodeId)
                        .contentType(byte[].class)
                        .build())
                // Axon's default only logs a projection's failure and skips the event; until dead letters
                // exist, a failing event stops its projection (retried with back-off) rather than vanish.
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerDefaultHandlerInterceptor((c, processor) -> new CorrelationLogging<>());
        return configurer;
    }

    private void registerProcessor(Configurer configurer, String group, MessageHandlerInterceptor<EventMessage<?>> interceptor,
                                   SequencedDeadLetterQueue<EventMessage<?>> deadLetters, Duration eventWait) {
        configurer.eventProcessing()
                .registerTrackingEventProcessor(group, c -> eventTopic(c.serializer()),
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(PROJECTION_BATCH_SIZE)
                                .andEventAvailabilityTimeout(eventWait.toMillis(), TimeUnit.MILLISECONDS)
                                // From the first offset, as a plain Kafka position (Axon's default wraps it in a
                                // replay token, which the lag of a projection cannot be read from).
                                .andInitialTrackingToken(StreamableMessageSource::createTailToken))
                .registerHandlerInterceptor(group, c -> interceptor)
                .registerHandlerInterceptor(group, c -> new DeadLetterParking(deadLetters, DEAD_LETTER_AFTER_ATTEMPTS,
                        Counter.builder("supplyline.events.unknown").tag("projection", group)
                                .description("Events of a type this version cannot read, parked by the projection")
                                .register(registry)));
    }

    private static String groupOf(Projection projection) {
        return projection.getClass().getAnnotation(ProcessingGroup.class).value();
    }

    void start(@Observes StartupEvent event) throws Exception {
        // The stream fails (and backs off for up to a minute) if the topic does not exist yet.
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            EventTopic.ensureExists(admin, kafka.partitions(), kafka.replicationFactor(), kafka.minInsyncReplicas());
        }
        axon.start();
    }

    void stop(@Observes ShutdownEvent event) {
        axon.shutdown();
    }

    /** This instance's name in the token store's claims. */
    public String nodeId() {
        return nodeId;
    }

    /** The live processors, one per projection. */
    public List<TrackingEventProcessor> liveProcessors() {
        return axon.eventProcessingConfiguration().eventProcessors().values().stream()
                .filter(TrackingEventProcessor.class::isInstance)
                .map(TrackingEventProcessor.class::cast)
                .toList();
    }

    /** The projections' processors, for their status and for rebuilds. */
    public EventProcessingConfiguration eventProcessing() {
        return axon.eventProcessingConfiguration();
    }

    private StreamableKafkaMessageSource<String, byte[]> eventTopic(Serializer serializer) {
        Map<String, Object> consumer = kafka.clientProperties();
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        // Positions live in our token store, never in Kafka's consumer groups.
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Seven processors each run a consumer over every partition: at Kafka's default of 1 MB per
        // partition per fetch their buffers alone could take 42 MB of a small heap.
        consumer.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 256 * 1024);
        return StreamableKafkaMessageSource.<String, byte[]>builder()
                .topics(List.of(EventTopic.NAME))
                .consumerFactory(new DefaultConsumerFactory<>(consumer))
                .fetcher(AsyncFetcher.<String, byte[], KafkaEventMessage>builder().pollTimeout(1_000).build())
                .messageConverter(DefaultKafkaMessageConverter.builder()
                        .serializer(serializer)
                        .upcasterChain(EventUpcasters.chain())
                        .build())
                .serializer(serializer)
                .bufferFactory(ArrivalOrderBuffer::new)
                .build();
    }
}
