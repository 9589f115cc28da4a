package io.supplyline.support.transaction;

import jakarta.transaction.Status;
import jakarta.transaction.SystemException;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * Lets Axon's units of work run in Narayana JTA transactions, so the event store, token store,
 * lookup tables and Hibernate all commit or roll back together. Joins a transaction that is
 * already active instead of nesting one.
 */
public final class JtaTransactionManager implements TransactionManager {

    private final jakarta.transaction.TransactionManager jta;

    public JtaTransactionManager(jakarta.transaction.TransactionManager jta) {
        this.jta = jta;
    }

    @Override
    public Transaction startTransaction() {
        try {
            if (jta.getStatus() != Status.STATUS_NO_TRANSACTION) {
                return joined();
            }
            jta.begin();
            return new Transaction() {
                @Override
                public void commit() {
                    run(jta::commit);
                }

                @Override
                public void rollback() {
                    run(jta::rollback);
                }
            };
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start a JTA transaction", e);
        }
    }

    /**
     * The owner of the outer transaction commits or rolls back. A unit of work that fails inside it
     * does not doom it: the failure travels up as an exception, and a caller that handles it (a process
     * whose command was refused) goes on. What the failed unit did is discarded by Axon before anything
     * reaches the database, because events are appended when the outermost unit commits; a failure
     * of the database itself still aborts the whole transaction.
     */
    private static Transaction joined() {
        return new Transaction() {
            @Override
            public void commit() {
            }

            @Override
            public void rollback() {
            }
        };
    }

    private interface JtaAction {
        void run() throws Exception;
    }

    private static void run(JtaAction action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (SystemException e) {
            throw new IllegalStateException("JTA failure", e);
        } catch (Exception e) {
            throw new IllegalStateException("JTA transaction did not complete", e);
        }
    }
}
