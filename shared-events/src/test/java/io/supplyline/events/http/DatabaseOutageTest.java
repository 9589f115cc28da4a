package io.supplyline.events.http;

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
