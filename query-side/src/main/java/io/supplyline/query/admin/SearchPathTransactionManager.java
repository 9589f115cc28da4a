package io.supplyline.query.admin;

import java.sql.SQLException;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

import io.supplyline.query.projection.ScratchSchema;

/**
 * Transactions in which unqualified table names find the rebuild's fresh tables first: after
 * beginning, {@code SET LOCAL search_path} (PostgreSQL undoes it when the transaction ends). The
 * projection's own code, Hibernate's SQL and Axon's token store then write there unchanged.
 */
final class SearchPathTransactionManager implements TransactionManager {

    private final TransactionManager delegate;
    private final ScratchSchema schema;

    SearchPathTransactionManager(TransactionManager delegate, ScratchSchema schema) {
        this.delegate = delegate;
        this.schema = schema;
    }

    @Override
    public Transaction startTransaction() {
        Transaction transaction = delegate.startTransaction();
        try {
            schema.useInCurrentTransaction();
        } catch (SQLException e) {
            transaction.rollback();
            throw new IllegalStateException("Could not point the transaction at the rebuild's tables", e);
        }
        return transaction;
    }
}
