package io.supplyline.query.projection;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.inject.Singleton;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.supplyline.query.stream.LiveFeed;

/**
 * How every projection reads and changes its rows: in memory for the whole transaction (one batch of
 * the projection engine), written once at its end ({@link BatchRows}); and how a change wakes waiting
 * readers and tells the live stream (unless the projection replays history into fresh tables: {@link Replay}).
 */
@Singleton
public class ProjectionRows {

    private final CommitSignal commits;
    private final LiveFeed feed;
    private final DataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;

    ProjectionRows(CommitSignal commits, LiveFeed feed, DataSource dataSource, TransactionSynchronizationRegistry transactions) {
        this.commits = commits;
        this.feed = feed;
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    private BatchRows batch() {
        CurrentBatch batch = CurrentBatch.get();
        if (batch == null) {
            return TransactionRows.current(dataSource, transactions);
        }
        if (batch.rows == null) {
            // A batch is one transaction of its own (BatchApplier), so its rows stay those of this transaction.
            batch.rows = TransactionRows.current(dataSource, transactions);
        }
        return batch.rows;
    }

    /**
     * @param start makes the row for an aggregate seen for the first time
     * @param change what the event does to the row; skipped when the row has seen this event already
     */
    public <R extends ProjectedRow> void applyOnce(Class<R> type, String aggregateId, Function<String, R> start,
                                                   long sequence, Instant at, Consumer<R> change) {
        R row = find(type, aggregateId);
        if (row == null) {
            // Added before the change: the change may look its own row up (a product's policy, judging its stock).
            row = add(start.apply(aggregateId));
        }
        if (row.firstSight(aggregateId, sequence, at)) {
            change.accept(row);
            String liveType = row.liveType();
            if (liveType != null) {
                changed(liveType, aggregateId, row::liveView);
            } else {
                changed();
            }
        }
    }

    /** The row with this id (an aggregate's, or another key such as a SKU), as this transaction has it; null if none. */
    public <R> R find(Class<R> type, String id) {
        try {
            return batch().find(type, id);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read " + type.getSimpleName() + " " + id, e);
        }
    }

    /** A new row, written when the transaction's rows are. */
    public <R> R add(R row) {
        return batch().add(row);
    }

    /** A row that is only ever inserted, such as a point of a history: written when the others are, then forgotten. */
    public <R> void append(R row) {
        batch().append(row);
    }

    /** The rows of a type whose {@code field} (one that never changes, such as a SKU) holds {@code value}, sorted by id. */
    public <R> List<R> where(Class<R> type, String field, Object value) {
        RowColumn column = RowTable.of(type).columnOf(field);
        return matching(type, field, Arrays.asList(value), row -> Objects.equals(column.get(row), value),
                column.name + " = ?", value);
    }

    /**
     * As {@link #matching(Class, Predicate, String, Object...)}, among the rows whose {@code field} (one that
     * never changes) holds one of {@code values}, which {@code condition} must say as well.
     */
    public <R> List<R> matching(Class<R> type, String field, Collection<?> values, Predicate<R> test, String condition,
                                Object... parameters) {
        try {
            return batch().matching(type, RowTable.of(type).columnOf(field), values, test, condition, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read " + type.getSimpleName() + " rows", e);
        }
    }

    /**
     * The rows of a type that {@code test} accepts, sorted by id, as this transaction has them: {@code condition}
     * is the same test in SQL on the stored columns, to find those not read yet.
     */
    public <R> List<R> matching(Class<R> type, Predicate<R> test, String condition, Object... parameters) {
        try {
            return batch().matching(type, test, condition, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read " + type.getSimpleName() + " rows", e);
        }
    }

    /**
     * State a projection keeps for one transaction (one batch of the engine), made by {@code create} when
     * first asked for. Held by the batch: a transaction-scoped bean's proxy looked the transaction up at
     * every call, more than some handlers cost.
     */
    public <S> S ofTransaction(Class<S> kind, Supplier<S> create) {
        CurrentBatch batch = CurrentBatch.get();
        if (batch != null) {
            return kind.cast(batch.state.computeIfAbsent(kind, absent -> create.get()));
        }
        S state = kind.cast(transactions.getResource(kind));
        if (state == null) {
            state = create.get();
            transactions.putResource(kind, state);
        }
        return state;
    }

    /** The aggregates whose events the current engine batch holds; empty outside a batch. */
    public List<String> aggregatesOfBatch() {
        return batch().aggregateIds();
    }

    /**
     * Writes the transaction's new and changed rows now (the engine does, to know which projection failed),
     * unless a replay keeps its rows {@linkplain Replay#inMemory in memory}.
     */
    public void write() throws SQLException {
        batch().writeDue();
    }

    /** Writes every row a replay keeps in memory that its tables do not have yet (its end, or before reading them). */
    public void writeOut() throws SQLException {
        batch().write();
    }

    /** For changes that are not one aggregate's, such as a product's reorder point on all its stock levels. */
    public void changed() {
        if (!Replay.isActive()) {
            commits.wakeReadersOnCommit();
        }
    }

    /** A change the live stream shows, other than a row's own (an alert opening, for example). */
    public void changed(String type, String key, Supplier<Object> view) {
        if (!Replay.isActive()) {
            commits.wakeReadersOnCommit();
            feed.announce(type, key, view);
        }
    }
}
