package nl.paraat.common;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.DefaultTransactionDefinition;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Write transactions that small, hot paths (a phone's registration) run at READ COMMITTED and repeat
 * when the database chose them as the victim of a deadlock or a lock wait ran out. InnoDB resolves a
 * deadlock by rolling one transaction back and expects the client to run it again; at REPEATABLE READ
 * the gap locks of deletes and inserts on a shared index make such deadlocks common between
 * unrelated rows, at READ COMMITTED they remain possible only between writers of the same rows.
 */
@Singleton
public class RetriedTransactions {

    static final int ATTEMPTS = 6;
    private static final Logger LOG = LoggerFactory.getLogger(RetriedTransactions.class);
    private static final int MYSQL_DEADLOCK = 1213;
    private static final int MYSQL_LOCK_WAIT_TIMEOUT = 1205;

    private final TransactionOperations<Connection> transactions;
    private final TransactionDefinition readCommitted;

    RetriedTransactions(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        definition.setIsolationLevel(TransactionDefinition.Isolation.READ_COMMITTED);
        this.readCommitted = definition;
    }

    /**
     * Runs {@code work} in a transaction of its own and commits it, running it again (at most
     * {@value #ATTEMPTS} times, after a short random pause) when the database rolled it back to
     * resolve a deadlock. Work that must not be repeated (a call to another system) does not belong in it.
     * Inside a caller's transaction the work joins it and runs once: only the caller can start over.
     */
    public <T> T write(Supplier<T> work) {
        return write(work, failure -> false);
    }

    /**
     * As {@link #write(Supplier)}, also running the work again after a failure that {@code alsoTransient}
     * accepts: a conflict the work resolves itself when it runs again, such as a unique key that another
     * transaction took between this one's read and its write.
     */
    public <T> T write(Supplier<T> work, java.util.function.Predicate<Throwable> alsoTransient) {
        if (transactions.findTransactionStatus().isPresent()) {
            return transactions.executeWrite(status -> work.get());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(readCommitted, status -> work.get());
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !(isTransient(e) || alsoTransient.test(e))) {
                    throw e;
                }
                LOG.debug("Transaction rolled back by the database ({}), attempt {} of {}", e.getMessage(), attempt, ATTEMPTS);
                pause(attempt);
            }
        }
    }

    /** A deadlock victim, a lock wait that ran out, or a serialization failure: worth running again. */
    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (sql.getErrorCode() == MYSQL_DEADLOCK || sql.getErrorCode() == MYSQL_LOCK_WAIT_TIMEOUT
                        || (state != null && state.startsWith("40"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to run a transaction again", e);
        }
    }
}
