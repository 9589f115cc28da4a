package io.supplyline.command.eventstore;

import java.sql.Connection;
import java.sql.Statement;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStoreException;

/**
 * On the embedded database, a transaction that may append events (a command's, a process batch's)
 * takes the append turn first, before any other lock. Taken only at the append, the turn came after
 * the rows the transaction had locked already (a conditional update of an order's lookup row, a
 * process's saga rows): a transaction holding the turn could then wait for such a row while its
 * holder waited for the turn, both until H2's lock timeout. Taken first, every transaction takes the
 * two kinds of lock in the same order.
 */
final class AppendTurnFirst implements TransactionManager {

    static final String TAKE_TURN = "UPDATE event_append_turn SET turns = turns + 1";

    private final TransactionManager transactions;
    private final ConnectionProvider connections;

    /** {@code connections} gives a connection in the transaction {@code transactions} began. */
    AppendTurnFirst(TransactionManager transactions, ConnectionProvider connections) {
        this.transactions = transactions;
        this.connections = connections;
    }

    @Override
    public Transaction startTransaction() {
        Transaction transaction = transactions.startTransaction();
        // The connection joins the JTA transaction just begun (or joined); the lock lasts until it ends.
        try (Connection connection = connections.getConnection(); Statement turn = connection.createStatement()) {
            turn.executeUpdate(TAKE_TURN);
        } catch (Exception e) {
            transaction.rollback();
            throw new EventStoreException("Failed to take the append turn", e);
        }
        return transaction;
    }
}
