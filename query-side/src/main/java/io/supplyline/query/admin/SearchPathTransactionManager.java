package io.supplyline.query.admin;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * Transactions in which unqualified table names find the rebuild's fresh tables first: after
 * beginning, {@code SET LOCAL search_path} (PostgreSQL undoes it when the transaction ends). The
 * projection's own code, Hibernate's SQL and Axon's token store then write there unchanged.
 */
final class SearchPathTransactionManager implements TransactionManager {

    private final TransactionManager delegate;
    private final DataSource dataSource;
    private final String searchPath;

    SearchPathTransactionManager(TransactionManager delegate, DataSource dataSource, String schema, String home) {
        this.delegate = delegate;
        this.dataSource = dataSource;
        this.searchPath = schema + ", " + home;
    }

    @Override
    public Transaction startTransaction() {
        Transaction transaction = delegate.startTransaction();
        // Within the JTA transaction the datasource hands out its one enlisted connection.
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL search_path TO " + searchPath);
        } catch (SQLException e) {
            transaction.rollback();
            throw new IllegalStateException("Could not point the transaction at the rebuild's tables", e);
        }
        return transaction;
    }
}
