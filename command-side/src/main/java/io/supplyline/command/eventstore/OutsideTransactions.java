package io.supplyline.command.eventstore;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.transaction.Status;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;

import org.axonframework.eventsourcing.eventstore.EventStoreException;

/**
 * Reads the event store on a connection of its own, each statement committed by itself, whatever
 * transaction the calling thread has open. A process reads the store while its own batch may have
 * appended events that are not committed and may never be: those must not be read as if they were.
 */
final class OutsideTransactions {

    interface Read<T> {
        T apply(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final TransactionManager jta;

    OutsideTransactions(DataSource dataSource, TransactionManager jta) {
        this.dataSource = dataSource;
        this.jta = jta;
    }

    <T> T read(String what, Read<T> read) {
        Transaction suspended = suspend();
        try (Connection connection = dataSource.getConnection()) {
            return read.apply(connection);
        } catch (SQLException e) {
            throw new EventStoreException("Failed to " + what, e);
        } finally {
            resume(suspended);
        }
    }

    private Transaction suspend() {
        try {
            return jta.getStatus() == Status.STATUS_NO_TRANSACTION ? null : jta.suspend();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot suspend the thread's transaction", e);
        }
    }

    private void resume(Transaction suspended) {
        if (suspended == null) {
            return;
        }
        try {
            jta.resume(suspended);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot resume the thread's transaction", e);
        }
    }
}
