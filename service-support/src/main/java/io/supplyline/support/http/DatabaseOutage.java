package io.supplyline.support.http;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a failure that is the database being away (down, restarting, unreachable, or no connection
 * to be had in time) from a fault of ours: the first is answered 503 with {@code Retry-After}, and
 * the client may send the same command again; nothing was stored.
 */
public final class DatabaseOutage {

    /** What a client is told to wait before it tries again. */
    public static final int RETRY_AFTER_SECONDS = 5;
    public static final String CODE = "DATABASE_UNAVAILABLE";
    public static final String DETAIL = "The database is not reachable just now; nothing was changed. Try again shortly.";

    /** SQLSTATEs of a server shutting down or starting up (class 08 is any connection failure). */
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

    private DatabaseOutage() {
    }

    /**
     * Looks through the causes and the suppressed exceptions: a commit the database cut off arrives as
     * the transaction manager's {@code RollbackException} with the driver's error only suppressed.
     */
    public static boolean causedBy(Throwable failure) {
        return causedBy(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean causedBy(Throwable failure, Set<Throwable> seen) {
        if (failure == null || !seen.add(failure)) {
            return false;
        }
        if (failure instanceof SQLException sql && isOutage(sql)) {
            return true;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (causedBy(suppressed, seen)) {
                return true;
            }
        }
        return causedBy(failure.getCause(), seen);
    }

    private static boolean isOutage(SQLException sql) {
        String state = sql.getSQLState();
        if (state != null) {
            return state.startsWith("08") || SERVER_GOING_AWAY.contains(state);
        }
        // Agroal's "Sorry, acquisition timeout!": every connection broken or busy, none to be had in time.
        return sql.getMessage() != null && sql.getMessage().contains("acquisition timeout");
    }
}
