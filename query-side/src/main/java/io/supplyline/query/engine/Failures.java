package io.supplyline.query.engine;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleStateException;

/** Which failures of a batch say nothing about its events: the batch is retried as it is, nothing parked. */
final class Failures {

    private Failures() {
    }

    /**
     * The database away or overloaded (SQL state classes 08, 53, 57, or none: the pool could not
     * connect), a deadlock or serialization failure (40), a row another instance changed meanwhile, a
     * partition another instance applied, or a rebuild switching tables.
     */
    static boolean transientFailure(Throwable failure) {
        for (Throwable cause : causes(failure)) {
            if (cause instanceof PartitionPositions.PositionMoved || cause instanceof SwitchLock.Held
                    || cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                return state == null || state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                        || state.startsWith("57") || state.equals("55P03");
            }
        }
        return false;
    }

    /** Two instances inserting the same new row (a product's demand, say): the batch that lost may simply try again. */
    static boolean duplicateRow(Throwable failure) {
        for (Throwable cause : causes(failure)) {
            if (cause instanceof SQLException sql) {
                return "23505".equals(sql.getSQLState());
            }
        }
        return false;
    }

    /**
     * Another writer got there first (a row, a partition, a serialization or deadlock victim): trying again
     * at once is right, where the database away needs a pause.
     */
    static boolean conflict(Throwable failure) {
        for (Throwable cause : causes(failure)) {
            if (cause instanceof PartitionPositions.PositionMoved || cause instanceof SwitchLock.Held
                    || cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState().startsWith("40") || sql.getSQLState().equals("23505");
            }
        }
        return false;
    }

    /** The failure, its causes, and what was suppressed along the way (a commit cut off arrives so). */
    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> all = new ArrayList<>();
        Deque<Throwable> next = new ArrayDeque<>(List.of(failure));
        while (!next.isEmpty() && all.size() < 50) {
            Throwable cause = next.removeFirst();
            if (all.contains(cause)) {
                continue;
            }
            all.add(cause);
            if (cause.getCause() != null) {
                next.addFirst(cause.getCause());
            }
            next.addAll(List.of(cause.getSuppressed()));
        }
        return all;
    }
}
