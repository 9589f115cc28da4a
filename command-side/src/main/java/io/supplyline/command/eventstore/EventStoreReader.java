package io.supplyline.command.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * How the command side follows its event store, for the relay, the two processes and the
 * reconciliation alike: the storage engine whose streams never skip a committed event, and what a
 * reader's position has not delivered yet. One kind per database.
 */
public abstract class EventStoreReader {

    private final OutsideTransactions database;

    EventStoreReader(OutsideTransactions database) {
        this.database = database;
    }

    /** The event store, reading in commit order; {@code snapshotted} says which aggregates may have snapshots. */
    public abstract JdbcEventStorageEngine storageEngine(JdbcEventStorageEngine.Builder builder,
                                                         Predicate<String> snapshotted);

    /**
     * The transactions in which commands and processes run, which may append events: Axon's own,
     * unless appends on this database need more.
     */
    public TransactionManager appendingTransactions(TransactionManager transactions) {
        return transactions;
    }

    /** The columns {@link #delivered} needs of an event row, for a select list. */
    public abstract String positionColumns();

    /**
     * Whether the position has delivered the event row, whose {@link #positionColumns} start at the
     * given column of the result set.
     */
    public abstract boolean delivered(TrackingToken position, ResultSet row, int firstColumn) throws SQLException;

    /**
     * {@code select}, then {@code FROM domainevententry e WHERE} the rows the position has not
     * delivered, then {@code tail}.
     */
    abstract PreparedStatement undeliveredQuery(Connection connection, String select, TrackingToken position,
                                                String tail) throws SQLException;

    /** Committed events the position has not delivered (all of them for {@code null}). */
    public long undelivered(TrackingToken position) {
        return database.read("count undelivered events", connection -> {
            try (PreparedStatement query = undeliveredQuery(connection, "SELECT count(*)", position, "");
                 ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    /** When the earliest-stored event the position has not delivered was stored; empty when there is none. */
    public Optional<Instant> oldestUndelivered(TrackingToken position) {
        return database.read("find the oldest undelivered event", connection -> {
            try (PreparedStatement query = undeliveredQuery(connection, "SELECT e.timestamp", position,
                    " ORDER BY e.globalindex LIMIT 1");
                 ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(Instant.parse(row.getString(1))) : Optional.empty();
            }
        });
    }

    OutsideTransactions database() {
        return database;
    }
}
