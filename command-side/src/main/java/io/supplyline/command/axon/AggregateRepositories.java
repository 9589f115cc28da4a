package io.supplyline.command.axon;

import java.util.List;
import java.util.function.Function;

import org.axonframework.common.lock.PessimisticLockFactory;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

import io.supplyline.command.aggregates.AggregateCache;
import io.supplyline.command.aggregates.CheckedCachingRepository;
import io.supplyline.command.aggregates.CommandTargets;
import io.supplyline.command.catalog.Product;
import io.supplyline.command.fulfilment.SalesOrder;
import io.supplyline.command.inventory.StockItem;
import io.supplyline.command.processes.ProcessLocks;
import io.supplyline.command.purchasing.PurchaseOrder;
import io.supplyline.command.shipping.Shipment;
import io.supplyline.command.snapshots.SnapshotSettings;
import io.supplyline.command.supplier.Supplier;
import io.supplyline.command.warehouse.Warehouse;

/**
 * The repositories of the event-sourced aggregates: each keeps its aggregates between commands, checked
 * against the store before use, and all share one set of aggregate locks.
 */
final class AggregateRepositories {

    /** Every event-sourced aggregate, by the name the event store records as its type. */
    private static final List<Class<?>> AGGREGATES = List.of(Product.class, Warehouse.class, Supplier.class,
            PurchaseOrder.class, SalesOrder.class, Shipment.class, StockItem.class);

    /** Every repository's aggregate locks, so that a process batch can take all its locks first ({@link ProcessLocks}). */
    private final PessimisticLockFactory locks = PessimisticLockFactory.usingDefaults();
    private final CommandTargets commandTargets = new CommandTargets();
    private final AggregateCache cache;

    AggregateRepositories(AggregateCache cache) {
        this.cache = cache;
    }

    void configure(Configurer configurer, SnapshotSettings snapshots) {
        for (Class<?> type : AGGREGATES) {
            // Stock items live long and busy; one not kept in memory loads from a snapshot plus the events since.
            configurer.configureAggregate(keptInMemory(type, type != StockItem.class ? c -> NoSnapshotTriggerDefinition.INSTANCE
                    : c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), snapshots.stockItemThreshold())));
        }
    }

    PessimisticLockFactory locks() {
        return locks;
    }

    AggregateCache cache() {
        return cache;
    }

    private <T> AggregateConfigurer<T> keptInMemory(Class<T> type, Function<Configuration, SnapshotTriggerDefinition> snapshots) {
        return AggregateConfigurer.defaultConfiguration(type)
                .configureCommandTargetResolver(c -> commandTargets)
                .configureRepository(c -> new CheckedCachingRepository<>(EventSourcingRepository.builder(type)
                        .lockFactory(locks)
                        .aggregateModel(AnnotatedAggregateMetaModelFactory.inspectAggregate(type, c.parameterResolverFactory(),
                                c.handlerDefinition(type))),
                type, c.eventStore(), c::repository, snapshots.apply(c), cache));
    }
}
