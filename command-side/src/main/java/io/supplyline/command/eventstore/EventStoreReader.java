package io.supplyline.command.eventstore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * How the command side follows its event store, for the relay, the two processes and the
 * reconciliation alike: the storage engine whose streams never skip a committed event, and what a
 * reader's position has not delivered yet. One implementation per database.
 */
public interface EventStoreReader {

    /** The event store, reading in commit order; {@code snapshotted} says which aggregates may have snapshots. */
    JdbcEventStorageEngine storageEngine(JdbcEventStorageEngine.Builder builder, Predicate<String> snapshotted);

    /** Committed events the position has not delivered (all of them for {@code null}). */
    long undelivered(TrackingToken position);

    /** When the earliest-stored event the position has not delivered was stored; empty when there is none. */
    Optional<Instant> oldestUndelivered(TrackingToken position);

    /** The columns {@link #delivered} needs of an event row, for a select list. */
    String positionColumns();

    /**
     * Whether the position has delivered the event row, whose {@link #positionColumns} start at the
     * given column of the result set.
     */
    boolean delivered(TrackingToken position, ResultSet row, int firstColumn) throws SQLException;
}
