package io.supplyline.query.projection;

import jakarta.inject.Singleton;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.supplyline.support.transaction.AfterCommit;

/**
 * Wakes readers waiting for a version as soon as a projection's transaction commits, instead of
 * making them poll. A reader on another instance than the projecting one still sees the change on
 * its next bounded re-check.
 */
@Singleton
public class CommitSignal {

    private final TransactionSynchronizationRegistry transactions;
    private final Object monitor = new Object();
    private long generation;

    CommitSignal(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    /** Called by projections inside their transaction; registers one wake-up per transaction. */
    public void wakeReadersOnCommit() {
        if (transactions.getResource(this) != null) {
            return;
        }
        transactions.putResource(this, Boolean.TRUE);
        AfterCommit.run(transactions, () -> {
            synchronized (monitor) {
                generation++;
                monitor.notifyAll();
            }
        });
    }

    public long generation() {
        synchronized (monitor) {
            return generation;
        }
    }

    /** Returns once a commit after {@code seen} happened, or after {@code maxMillis}. */
    public void awaitCommitAfter(long seen, long maxMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + maxMillis;
        synchronized (monitor) {
            long left;
            while (generation == seen && (left = deadline - System.currentTimeMillis()) > 0) {
                monitor.wait(left);
            }
        }
    }
}
