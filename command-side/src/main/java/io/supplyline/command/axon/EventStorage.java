package io.supplyline.command.axon;

import javax.sql.DataSource;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.serialization.Serializer;

import io.supplyline.command.eventstore.DuplicateKeyResolver;
import io.supplyline.command.eventstore.EventStoreReader;
import io.supplyline.command.inventory.StockItem;
import io.supplyline.command.serialization.StateSerializer;
import io.supplyline.events.axon.EventUpcasters;
import io.supplyline.events.inventory.StockItemId;

/** The event store on the command database: JDBC storage, read in commit order, its newest events kept in memory. */
final class EventStorage {

    private EventStorage() {
    }

    /**
     * Agroal connections enlist in the current JTA transaction; Axon must not commit them itself. The
     * relay and the processes read the store in commit order, never skipping a late commit.
     */
    static EventStorageEngine engine(EventStoreReader reader, DataSource dataSource, TransactionManager transactions,
                                     Serializer serializer) {
        return reader.storageEngine(JdbcEventStorageEngine.builder()
                .connectionProvider(dataSource::getConnection)
                .transactionManager(transactions)
                .eventSerializer(serializer)
                .snapshotSerializer(StateSerializer.create())
                .snapshotFilter(RevisionSnapshotFilter.builder()
                        .type(StockItem.class).revision(StockItem.SNAPSHOT_REVISION).build())
                .persistenceExceptionResolver(new DuplicateKeyResolver())
                .upcasterChain(EventUpcasters.chain())
                .dataType(byte[].class),
                id -> id.startsWith(StockItemId.ID_PREFIX));
    }

    static EmbeddedEventStore store(Configuration configuration, EventStorageEngine engine, int recentEvents) {
        EmbeddedEventStore store = EmbeddedEventStore.builder()
                .storageEngine(engine)
                .cachedEvents(recentEvents)
                .messageMonitor(configuration.messageMonitor(EmbeddedEventStore.class, "eventStore"))
                .build();
        configuration.onShutdown(store::shutDown);
        return store;
    }
}
