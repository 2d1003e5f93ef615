package nl.paraat.common;

import io.micronaut.data.exceptions.DataAccessException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

import static org.assertj.core.api.Assertions.assertThat;

class RetriedTransactionsTest {

    @Test
    void aDeadlockVictimOrLockWaitTimeoutDeepInTheCauseChainIsWorthRunningAgain() {
        assertThat(RetriedTransactions.isTransient(new DataAccessException("insert failed",
                new RuntimeException(new SQLException("Deadlock found when trying to get lock", "40001", 1213))))).isTrue();
        assertThat(RetriedTransactions.isTransient(new DataAccessException("update failed",
                new SQLException("Lock wait timeout exceeded", "HY000", 1205)))).isTrue();
        assertThat(RetriedTransactions.isTransient(new DataAccessException("serialization",
                new SQLException("could not serialize access", "40001", 0)))).isTrue();
    }

    @Test
    void aConstraintViolationOrAnyOtherFailureIsNotRunAgain() {
        assertThat(RetriedTransactions.isTransient(new DataAccessException("duplicate",
                new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062)))).isFalse();
        assertThat(RetriedTransactions.isTransient(new IllegalStateException("no database involved"))).isFalse();
        assertThat(RetriedTransactions.isTransient(ProblemException.invalid("locale", "Unsupported locale 'xx'."))).isFalse();
    }
}
