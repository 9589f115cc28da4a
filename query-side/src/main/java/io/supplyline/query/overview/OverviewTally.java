package io.supplyline.query.overview;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Singleton;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.supplyline.query.projection.ProjectionRows;

/**
 * The overview's counts of one transaction (one processor batch). Increments are summed in memory and
 * written just before the transaction commits: one statement per counter and hour instead of one per
 * event, each of which also made Hibernate dirty-check every row of the batch. They are written as
 * increments, never as totals, so processor segments on several instances do not lose each other's counts.
 */
@Singleton
class OverviewTally {

    private final TransactionSynchronizationRegistry transactions;
    private final DataSource dataSource;
    private final ProjectionRows rows;

    OverviewTally(TransactionSynchronizationRegistry transactions, DataSource dataSource, ProjectionRows rows) {
        this.transactions = transactions;
        this.dataSource = dataSource;
        this.rows = rows;
    }

    /** The increments of one transaction, written just before it commits. */
    private final class Pending implements Synchronization {
        final Map<String, Long> counters = new LinkedHashMap<>();
        final Map<HourlyThroughput.Key, Long> hours = new LinkedHashMap<>();

        @Override
        public void beforeCompletion() {
            if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
                write();
            }
        }

        @Override
        public void afterCompletion(int status) {
        }

        /** On the transaction's connection (so a rebuild's search path applies). */
        void write() {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement addCount = connection.prepareStatement(
                         "UPDATE overview_count SET total = total + ? WHERE counter = ?");
                 PreparedStatement newCount = connection.prepareStatement(
                         "INSERT INTO overview_count (counter, total) VALUES (?, ?)");
                 PreparedStatement addHour = connection.prepareStatement(
                         "UPDATE overview_hourly SET total = total + ? WHERE hour_start = ? AND metric = ?");
                 PreparedStatement newHour = connection.prepareStatement(
                         "INSERT INTO overview_hourly (hour_start, metric, total) VALUES (?, ?, ?)")) {
                for (var counter : counters.entrySet()) {
                    add(addCount, newCount, counter.getValue(), counter.getKey());
                }
                for (var hour : hours.entrySet()) {
                    add(addHour, newHour, hour.getValue(), hour.getKey().hourStart().atOffset(ZoneOffset.UTC), hour.getKey().metric());
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not write the overview's counts; the batch rolls back", e);
            }
            counters.clear();
            hours.clear();
        }
    }

    private Pending pending() {
        return rows.ofTransaction(Pending.class, () -> {
            Pending pending = new Pending();
            transactions.registerInterposedSynchronization(pending);
            return pending;
        });
    }

    /** Moves {@code delta} aggregates into (or, negative, out of) a status counter such as {@code orders.ALLOCATED}. */
    void add(String counter, long delta) {
        pending().counters.merge(counter, delta, Long::sum);
    }

    /** Counts one of {@code metric} in the hour (UTC) of {@code at}. */
    void count(Instant at, String metric) {
        pending().hours.merge(new HourlyThroughput.Key(at.truncatedTo(ChronoUnit.HOURS), metric), 1L, Long::sum);
    }

    /** Writes the transaction's increments so far. */
    void writePending() {
        pending().write();
    }

    /** Adds {@code delta} to the row with this key, or inserts it: both statements take the key first, the total last. */
    private static void add(PreparedStatement update, PreparedStatement insert, long delta, Object... key)
            throws SQLException {
        update.setLong(1, delta);
        for (int i = 0; i < key.length; i++) {
            update.setObject(i + 2, key[i]);
        }
        if (update.executeUpdate() == 0) {
            for (int i = 0; i < key.length; i++) {
                insert.setObject(i + 1, key[i]);
            }
            insert.setLong(key.length + 1, delta);
            insert.executeUpdate();
        }
    }
}
