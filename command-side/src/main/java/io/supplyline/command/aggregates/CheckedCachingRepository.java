package io.supplyline.command.aggregates;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.RepositoryProvider;

/**
 * Axon's event-sourcing repository with aggregates kept in memory between commands ({@link AggregateCache}),
 * each checked inside the command's transaction against the store's last sequence number of that
 * aggregate before it is used: another instance may have appended since. A current entry is used as it
 * is; a stale one reads only the events after it; a missing one is loaded as Axon does (snapshot, then
 * events). What a command leaves is kept when it commits, or when it rolls back without having applied an
 * event (a refused command: event-sourced state changes only by applying events). An aggregate that
 * applied events in a command that then rolled back is dropped, since it holds them.
 */
public final class CheckedCachingRepository<T> extends EventSourcingRepository<T> {

    private final Class<T> type;
    private final EventStore eventStore;
    private final RepositoryProvider repositoryProvider;
    private final SnapshotTriggerDefinition snapshots;
    private final AggregateCache cache;

    public CheckedCachingRepository(Builder<T> builder, Class<T> type, EventStore eventStore, RepositoryProvider repositoryProvider,
                             SnapshotTriggerDefinition snapshots, AggregateCache cache) {
        super(builder.eventStore(eventStore).repositoryProvider(repositoryProvider).snapshotTriggerDefinition(snapshots));
        this.type = type;
        this.eventStore = eventStore;
        this.repositoryProvider = repositoryProvider;
        this.snapshots = snapshots;
        this.cache = cache;
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateId, Long expectedVersion) {
        AggregateCache.Entry entry = cache.take(aggregateId);
        EventSourcedAggregate<T> aggregate = entry == null ? null : fromCache(aggregateId, entry);
        if (aggregate == null) {
            cache.misses.increment();
            aggregate = super.doLoadWithLock(aggregateId, expectedVersion);
        }
        keepAfterCommand(aggregateId, aggregate);
        return aggregate;
    }

    /** The cached aggregate brought up to the store's last event; null if the store has fewer events than it. */
    private EventSourcedAggregate<T> fromCache(String aggregateId, AggregateCache.Entry entry) {
        Optional<Long> stored = eventStore.lastSequenceNumberFor(aggregateId);
        if (stored.isEmpty() || stored.get() < entry.version()) {
            return null;
        }
        EventSourcedAggregate<T> aggregate = EventSourcedAggregate.reconstruct(type.cast(entry.root()), aggregateModel(),
                entry.version(), entry.deleted(), eventStore, repositoryProvider,
                snapshots.reconfigure(type, entry.snapshotTrigger()));
        if (stored.get() > entry.version()) {
            aggregate.initializeState(eventStore.readEvents(aggregateId, entry.version() + 1));
            cache.refreshed.increment();
        } else {
            cache.hits.increment();
        }
        if (aggregate.isDeleted()) {
            throw new AggregateDeletedException(aggregateId);
        }
        return aggregate;
    }

    @Override
    protected EventSourcedAggregate<T> doCreateNewForLock(Callable<T> factoryMethod) throws Exception {
        EventSourcedAggregate<T> aggregate = super.doCreateNewForLock(factoryMethod);
        CurrentUnitOfWork.get().afterCommit(unit -> keep(aggregate.identifierAsString(), aggregate));
        return aggregate;
    }

    private void keepAfterCommand(String aggregateId, EventSourcedAggregate<T> aggregate) {
        Long loadedAt = aggregate.version();
        CurrentUnitOfWork.get().afterCommit(unit -> keep(aggregateId, aggregate));
        CurrentUnitOfWork.get().onRollback(unit -> {
            if (Objects.equals(loadedAt, aggregate.version())) {
                keep(aggregateId, aggregate);
            }
        });
    }

    private void keep(String aggregateId, EventSourcedAggregate<T> aggregate) {
        if (aggregateId != null && aggregate.version() != null) {
            cache.put(aggregateId, aggregate.getAggregateRoot(), aggregate.version(), aggregate.isDeleted(),
                    aggregate.getSnapshotTrigger());
        }
    }
}
