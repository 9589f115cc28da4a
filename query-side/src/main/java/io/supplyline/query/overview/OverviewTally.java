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
 * written just before the transaction commits: one statement per counter, hour and minute instead of one
 * per event, each of which also made Hibernate dirty-check every row of the batch. They are written as
 * increments, never as totals, so processor segments on several instances do not lose each other's counts;
 * for the same reason the time of the newest event only ever moves forward.
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
        final Map<MinutelyThroughput.Key, Long> minutes = new LinkedHashMap<>();
        Instant latest;

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
                         "INSERT INTO overview_hourly (hour_start, metric, total) VALUES (?, ?, ?)");
                 PreparedStatement addMinute = connection.prepareStatement(
                         "UPDATE overview_minutely SET total = total + ? WHERE minute_start = ? AND metric = ?");
                 PreparedStatement newMinute = connection.prepareStatement(
                         "INSERT INTO overview_minutely (minute_start, metric, total) VALUES (?, ?, ?)")) {
                for (var counter : counters.entrySet()) {
                    add(addCount, newCount, counter.getValue(), counter.getKey());
                }
                for (var hour : hours.entrySet()) {
                    add(addHour, newHour, hour.getValue(), hour.getKey().hourStart().atOffset(ZoneOffset.UTC), hour.getKey().metric());
                }
                for (var minute : minutes.entrySet()) {
                    add(addMinute, newMinute, minute.getValue(), minute.getKey().minuteStart().atOffset(ZoneOffset.UTC),
                            minute.getKey().metric());
                }
                if (latest != null) {
                    moveLatest(connection, latest);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not write the overview's counts; the batch rolls back", e);
            }
            counters.clear();
            hours.clear();
            minutes.clear();
            latest = null;
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

    /** Counts one of {@code metric} in the hour and in the minute (UTC) of {@code at}. */
    void count(Instant at, String metric) {
        Pending pending = pending();
        pending.hours.merge(new HourlyThroughput.Key(at.truncatedTo(ChronoUnit.HOURS), metric), 1L, Long::sum);
        pending.minutes.merge(new MinutelyThroughput.Key(at.truncatedTo(ChronoUnit.MINUTES), metric), 1L, Long::sum);
    }

    /** An event happened at {@code at}: the newest counted, unless a newer one was. */
    void seen(Instant at) {
        Pending pending = pending();
        if (pending.latest == null || at.isAfter(pending.latest)) {
            pending.latest = at;
        }
    }

    /** Writes the transaction's increments so far. */
    void writePending() {
        pending().write();
    }

    /** Moves the time of the newest event forward to {@code at}, or records it: never back (see the class comment). */
    private static void moveLatest(Connection connection, Instant at) throws SQLException {
        try (PreparedStatement move = connection.prepareStatement(
                "UPDATE overview_latest_event SET at = ? WHERE id = 1 AND at < ?")) {
            move.setObject(1, at.atOffset(ZoneOffset.UTC));
            move.setObject(2, at.atOffset(ZoneOffset.UTC));
            if (move.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement record = connection.prepareStatement("INSERT INTO overview_latest_event (id, at)"
                + " SELECT 1, CAST(? AS TIMESTAMP WITH TIME ZONE)"
                + " WHERE NOT EXISTS (SELECT 1 FROM overview_latest_event WHERE id = 1)")) {
            record.setObject(1, at.atOffset(ZoneOffset.UTC));
            record.executeUpdate();
        }
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
