package io.supplyline.command.eventstore;

import java.util.function.Predicate;
import java.util.stream.Stream;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC event store, which looks for a snapshot only where there can be one. Axon asks for an
 * aggregate's snapshot before every load, and only stock items are snapshotted: for every other
 * aggregate that was a query per command that never found anything.
 */
abstract class SnapshotReadingStorageEngine extends JdbcEventStorageEngine {

    private final Predicate<String> snapshotted;

    /** @param snapshotted whether an aggregate, by its id, may have a snapshot */
    SnapshotReadingStorageEngine(Builder builder, Predicate<String> snapshotted) {
        super(builder);
        this.snapshotted = snapshotted;
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return snapshotted.test(aggregateIdentifier) ? super.readSnapshotData(aggregateIdentifier) : Stream.empty();
    }
}
