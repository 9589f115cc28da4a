package io.supplyline.support.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void aConnectionFailureDeepInTheCausesIsAnOutage() {
        SQLException refused = new SQLTransientConnectionException("Connection to 127.0.0.1:5432 refused", "08001");
        RuntimeException wrapped = new IllegalStateException("command failed", new RuntimeException("tx", refused));

        assertThat(DatabaseOutage.causedBy(wrapped)).isTrue();
    }

    /** Narayana's RollbackException for a commit PostgreSQL cut off carries the driver's error only as suppressed. */
    @Test
    void aCommitTheServerCutOffIsAnOutage() {
        RuntimeException rollback = new RuntimeException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new Exception("Error trying to transactionCommit local transaction",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01")));

        assertThat(DatabaseOutage.causedBy(new IllegalStateException("JTA transaction did not complete", rollback))).isTrue();
        assertThat(DatabaseOutage.causedBy(new IllegalStateException("JTA transaction did not complete",
                new RuntimeException("ARJUNA016053: Could not commit transaction.")))).isFalse();
    }

    @Test
    void aServerShuttingDownAndAPoolWithoutConnectionsAreOutages() {
        assertThat(DatabaseOutage.causedBy(new SQLException("terminating connection due to administrator command", "57P01")))
                .isTrue();
        assertThat(DatabaseOutage.causedBy(new RuntimeException(new SQLException("Sorry, acquisition timeout!")))).isTrue();
    }

    @Test
    void aConstraintViolationOrAnyOtherFaultIsNot() {
        assertThat(DatabaseOutage.causedBy(new SQLException("duplicate key value violates unique constraint", "23505")))
                .isFalse();
        assertThat(DatabaseOutage.causedBy(new IllegalStateException("a bug"))).isFalse();
    }
}
