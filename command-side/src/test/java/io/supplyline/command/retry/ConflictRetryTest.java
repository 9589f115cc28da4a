package io.supplyline.command.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import io.supplyline.command.rules.BusinessRuleViolation;

class ConflictRetryTest {

    @Test
    void aCommandThatLostTwoRacesIsAcceptedAtTheThirdAttempt() {
        AtomicInteger attempts = new AtomicInteger();
        Long version = ConflictRetry.retrying(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new ConcurrencyException("lost the race");
            }
            return 7L;
        });
        assertThat(version).isEqualTo(7L);
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aRefusalIsNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> ConflictRetry.retrying(() -> {
            attempts.incrementAndGet();
            throw new BusinessRuleViolation("INSUFFICIENT_STOCK", "no stock");
        })).isInstanceOf(BusinessRuleViolation.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void theCallerGetsTheConflictAfterTheLastAttempt() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> ConflictRetry.retrying(() -> {
            attempts.incrementAndGet();
            throw new ConcurrencyException("always busy");
        })).isInstanceOf(ConcurrencyException.class);
        assertThat(attempts).hasValue(ConflictRetry.ATTEMPTS);
    }

    @Test
    void aCommandWhoseTransactionPostgresRolledBackForADeadlockIsSentAgain() {
        AtomicInteger attempts = new AtomicInteger();
        Long version = ConflictRetry.retrying(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("commit failed", new BatchUpdateException("batch failed", "40P01", new int[0],
                        new SQLException("deadlock detected", "40P01")));
            }
            return 3L;
        });
        assertThat(version).isEqualTo(3L);
        assertThat(attempts).hasValue(2);
    }

    @Test
    void otherDatabaseFailuresAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> ConflictRetry.retrying(() -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("insert failed", new SQLException("duplicate key", "23505"));
        })).isInstanceOf(IllegalStateException.class);
        assertThat(attempts).hasValue(1);
    }
}
