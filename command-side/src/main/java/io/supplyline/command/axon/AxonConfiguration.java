package io.supplyline.command.axon;

import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.admin.Admin;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.modelling.command.Repository;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.kafka.eventhandling.DefaultKafkaMessageConverter;
import org.axonframework.serialization.Serializer;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.supplyline.command.aggregates.AggregateCache;
import io.supplyline.command.aggregates.AggregateCacheSettings;
import io.supplyline.command.audit.AuditTrail;
import io.supplyline.command.envelope.CommandMetadata;
import io.supplyline.command.eventstore.EventStoreReader;
import io.supplyline.command.eventstore.RecentEventsSettings;
import io.supplyline.command.fulfilment.FulfilmentProcess;
import io.supplyline.command.idempotency.IdempotencyRecorder;
import io.supplyline.command.inventory.StockItem;
import io.supplyline.command.lookup.CatalogLookup;
import io.supplyline.command.lookup.LookupUpdater;
import io.supplyline.command.lookup.OrderLookup;
import io.supplyline.command.processes.ProcessLocks;
import io.supplyline.command.processors.ProcessorNames;
import io.supplyline.command.purchasing.GoodsIntoStock;
import io.supplyline.command.relay.CloudEventHeaders;
import io.supplyline.command.relay.KafkaRelay;
import io.supplyline.command.relay.RelaySettings;
import io.supplyline.command.snapshots.SnapshotSettings;
import io.supplyline.command.snapshots.SnapshotThread;
import io.supplyline.events.axon.EventSerializer;
import io.supplyline.support.axon.CorrelationLogging;
import io.supplyline.support.kafka.KafkaSettings;
import io.supplyline.support.kafka.Topics;
import io.supplyline.support.transaction.JtaTransactionManager;

/**
 * All Axon wiring of the command side on one page: command bus and gateway, the JDBC event store
 * on the command database, the lookup tables and the audit trail kept in the append transaction, and the relay that
 * puts every stored event on Kafka.
 */
@Singleton
public class AxonConfiguration {

    /** Events per transaction of the processes (goods into stock, order fulfilment). */
    private static final int PROCESS_BATCH_SIZE = 50;
    /** Events the relay sends before awaiting their acks and storing its position. */
    private static final int RELAY_BATCH_SIZE = 500;

    private final Configuration axon;
    private final KafkaSettings kafka;
    private final KafkaRelay relay;
    private final AggregateRepositories repositories;
    private final SnapshotThread snapshotThread = new SnapshotThread();

    AxonConfiguration(DataSource dataSource, jakarta.transaction.TransactionManager jta,
                      KafkaSettings kafka, RelaySettings relaySettings, CatalogLookup catalogLookup,
                      LookupUpdater lookupUpdater, IdempotencyRecorder idempotencyRecorder, SnapshotSettings snapshots,
                      OrderLookup orderLookup, GoodsIntoStock goodsIntoStock, EventStoreReader eventStoreReader,
                      AggregateCacheSettings cacheSettings, RecentEventsSettings recentEvents, MeterRegistry meters) {
        this.kafka = kafka;
        var aggregates = new AggregateCache(cacheSettings.maxSize(), cacheSettings.maxIdle(), System::nanoTime);
        aggregates.registerMetrics(meters);
        this.repositories = new AggregateRepositories(aggregates);
        TransactionManager transactions = new JtaTransactionManager(jta);
        // Commands and the processes may append events; the relay and the store's reads never do.
        TransactionManager appending = eventStoreReader.appendingTransactions(transactions);
        Serializer serializer = EventSerializer.create();
        var storageEngine = EventStorage.engine(eventStoreReader, dataSource, transactions, serializer);
        this.relay = new KafkaRelay(kafka, relaySettings, new CloudEventHeaders(DefaultKafkaMessageConverter.builder()
                .serializer(serializer).build()));

        FulfilmentProcess fulfilment = new FulfilmentProcess(dataSource, this::commandGateway);
        var configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureTransactionManager(c -> appending)
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureEventStore(c -> EventStorage.store(c, storageEngine, recentEvents.maxSize()))
                .configureCorrelationDataProviders(c -> List.of(new CommandMetadata()))
                // Not on the committing thread, which still holds the aggregates' locks; no append turn.
                .configureSnapshotter(c -> snapshotThread.snapshotter(c, transactions, StockItem.class))
                .registerComponent(CatalogLookup.class, c -> catalogLookup)
                .registerComponent(OrderLookup.class, c -> orderLookup);
        repositories.configure(configurer, snapshots);
        configurer.eventProcessing()
                .registerTokenStore(c -> JdbcTokenStore.builder()
                        .connectionProvider(dataSource::getConnection)
                        .serializer(serializer)
                        .contentType(byte[].class)
                        .build())
                // Axon's default only logs a handler's failure and moves on. Here a lookup that cannot be
                // written fails its command, and an event Kafka did not acknowledge keeps the relay's
                // token where it is, to be retried with back-off.
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerDefaultHandlerInterceptor((c, processor) -> new CorrelationLogging<>())
                .registerSubscribingEventProcessor(ProcessorNames.LOOKUPS)
                .registerEventHandler(c -> lookupUpdater)
                .registerEventHandler(c -> new AuditTrail(serializer, dataSource))
                .registerEventHandler(c -> idempotencyRecorder)
                .registerEventHandler(c -> goodsIntoStock)
                .registerTrackingEventProcessor(ProcessorNames.GOODS_INTO_STOCK, Configuration::eventStore, c -> processBatches())
                // Customer orders from placing to delivery; the process state lives in the command database.
                .registerEventHandler(c -> fulfilment)
                .registerTrackingEventProcessor(ProcessorNames.ORDER_FULFILMENT, Configuration::eventStore, c -> processBatches())
                .registerHandlerInterceptor(ProcessorNames.GOODS_INTO_STOCK, c -> new ProcessLocks(repositories.locks(), GoodsIntoStock::aggregatesTouched))
                .registerHandlerInterceptor(ProcessorNames.ORDER_FULFILMENT, c -> new ProcessLocks(repositories.locks(), fulfilment::aggregatesTouched))
                .registerEventHandler(c -> relay)
                .assignHandlerInstancesMatching(ProcessorNames.KAFKA_RELAY, handler -> handler instanceof KafkaRelay)
                .registerTransactionManager(ProcessorNames.KAFKA_RELAY, c -> transactions)
                .registerTrackingEventProcessor(ProcessorNames.KAFKA_RELAY, Configuration::eventStore, c -> TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing()
                        .andBatchSize(RELAY_BATCH_SIZE)
                        // On shutdown, let a publication in flight finish rather than interrupt it.
                        .andWorkerTerminationTimeout(relay.ackTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS));
        this.axon = configurer.buildConfiguration();
    }

    void start(@Observes StartupEvent event) throws Exception {
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            Topics.ensureExists(admin, kafka.partitions(), kafka.replicationFactor(), kafka.minInsyncReplicas());
        }
        axon.start();
    }

    void stop(@Observes ShutdownEvent event) {
        axon.shutdown();
        relay.close();
        snapshotThread.stop();
    }

    @Produces
    @Singleton
    CommandGateway commandGateway() {
        return axon.commandGateway();
    }

    /** The event store, for reading an aggregate's events as the aggregate itself reads them. */
    public EventStore eventStore() {
        return axon.eventStore();
    }

    /** The whole configuration, for the audit's replays and the reconciliation's processor positions. */
    @Produces
    @Singleton
    Configuration configuration() {
        return axon;
    }

    /** Drops the aggregate if it is kept in memory: the next command loads it from the store (snapshot, events). */
    public void forgetAggregate(String aggregateId) {
        repositories.cache().remove(aggregateId);
    }

    /** The aggregates kept between commands. */
    public AggregateCache aggregateCache() {
        return repositories.cache();
    }

    /** An aggregate type's repository, as the command bus uses it. */
    public <T> Repository<T> repository(Class<T> type) {
        return axon.repository(type);
    }

    /** The relay, to see how its deliveries fare. */
    public KafkaRelay relay() {
        return relay;
    }

    /** The running processors, for operations such as a replay. */
    public EventProcessingConfiguration eventProcessing() {
        return axon.eventProcessingConfiguration();
    }

    /**
     * The processes read every stored event but act on few; one transaction per event (Axon's
     * default) spends most of their time committing token updates and fell minutes behind 16 writers.
     */
    private static TrackingEventProcessorConfiguration processBatches() {
        return TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(PROCESS_BATCH_SIZE);
    }
}
