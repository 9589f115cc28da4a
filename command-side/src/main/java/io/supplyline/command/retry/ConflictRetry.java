package io.supplyline.command.retry;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Sends a request's command again when it lost an optimistic-concurrency race for its aggregate, or when
 * PostgreSQL rolled its transaction back to break a deadlock with another one.
 * That happens when several instances share the event store: each serialises the commands of one
 * aggregate locally, but two instances can load the same version and only one append wins. The
 * retry loads the winner's state and applies the business rules anew, so it is as safe as the
 * client sending it again, and it spares the client a 409 it could only answer by retrying.
 * <p>
 * Every lost race means another command of the aggregate was appended, so a command that loses
 * {@value #ATTEMPTS} times in a row is on an aggregate busier than retrying can help; the caller
 * then gets the conflict. Not used for commands of processes: they run inside the unit of work of
 * the event they react to, and the processor redelivers that event instead.
 */
public final class ConflictRetry {

    static final int ATTEMPTS = 10;

    private ConflictRetry() {
    }

    public static <R> R sendAndWait(CommandGateway gateway, CommandMessage<?> command) {
        return retrying(() -> gateway.sendAndWait(command));
    }

    static <R> R retrying(Supplier<R> send) {
        for (int attempt = 1; ; attempt++) {
            try {
                return send.get();
            } catch (RuntimeException failure) {
                if (attempt == ATTEMPTS || !(failure instanceof ConcurrencyException || lostToAnotherTransaction(failure))) {
                    throw failure;
                }
                pause(attempt);
            }
        }
    }

    /**
     * Whether PostgreSQL rolled the command's transaction back to break a deadlock (40P01) or a serialization
     * conflict (40001). Both roll back everything the command did (events, lookups, its recorded answer), and
     * PostgreSQL's advice is to run the transaction again; row locks two commands take in opposite orders
     * (an order's lookup row and a shipment's, say, across instances) can meet this way.
     */
    static boolean lostToAnotherTransaction(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            for (SQLException sql = cause instanceof SQLException first ? first : null; sql != null; sql = sql.getNextException()) {
                if ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A short random pause, growing with each loss, so the two losers of a race do not meet again at once. */
    private static void pause(int attempt) {
        try {
            TimeUnit.MILLISECONDS.sleep(ThreadLocalRandom.current().nextLong(1, 2L + 2L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying a conflicting command", e);
        }
    }
}
