package io.supplyline.command.eventstore;

import java.sql.SQLException;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Recognises a unique-key violation by its SQL state (23505 on PostgreSQL and H2), so Axon reports
 * a concurrent append to the same aggregate as a conflict rather than a storage failure. Axon's
 * JDBC default only knows {@code SQLIntegrityConstraintViolationException}, which PostgreSQL's
 * driver never throws.
 */
public final class DuplicateKeyResolver implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
