package io.supplyline.query.projection;

import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Ties {@link BatchRows} to transactions: each transaction gets its rows at their first use, and they are
 * written before it commits. A replay's rows are carried from each of its transactions to the next: it is
 * the only writer of its fresh tables, so what it wrote is still what they hold, and a row read once is
 * never read again.
 */
final class TransactionRows implements Synchronization {

    private static final String RESOURCE = TransactionRows.class.getName();
    private static final ThreadLocal<BatchRows> CARRIED = new ThreadLocal<>();

    private final BatchRows rows;
    private final TransactionSynchronizationRegistry transactions;

    private TransactionRows(BatchRows rows, TransactionSynchronizationRegistry transactions) {
        this.rows = rows;
        this.transactions = transactions;
    }

    /** The rows of the current transaction; written before it commits, if not already by {@link BatchRows#write}. */
    static BatchRows current(DataSource dataSource, TransactionSynchronizationRegistry transactions) {
        TransactionRows bound = (TransactionRows) transactions.getResource(RESOURCE);
        if (bound != null) {
            return bound.rows;
        }
        BatchRows rows = CARRIED.get();
        if (rows != null && !rows.full) {
            rows.startTransaction();
        } else {
            if (rows != null && rows.replay != null) {
                rows.replay.dropped = true;
            }
            rows = new BatchRows(dataSource);
        }
        if (Replay.isActive()) {
            CARRIED.set(rows);
        }
        bound = new TransactionRows(rows, transactions);
        transactions.putResource(RESOURCE, bound);
        transactions.registerInterposedSynchronization(bound);
        return rows;
    }

    /** Forgets the rows carried on this thread (a replay ends, or its transaction did not commit). */
    static void dropCarried() {
        CARRIED.remove();
    }

    @Override
    public void beforeCompletion() {
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            try {
                rows.writeDue();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not write the read-model rows; the transaction rolls back", e);
            }
        }
    }

    @Override
    public void afterCompletion(int status) {
        if (status != Status.STATUS_COMMITTED && CARRIED.get() == rows) {
            // The rows in memory hold changes the tables do not (an in-memory replay must start again).
            if (rows.replay != null) {
                rows.replay.dropped = true;
            }
            dropCarried();
        }
    }
}
