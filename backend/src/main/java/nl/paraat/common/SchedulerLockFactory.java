package nl.paraat.common;

import io.micronaut.context.annotation.Factory;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbc.micronaut.MicronautJdbcLockProvider;

import java.sql.Connection;

/**
 * Locks for the jobs that must run on one instance of a deployment at a time ({@code @SchedulerLock}),
 * kept in the {@code shedlock} table of the application's own database. ShedLock writes the lock times
 * from the instances' clocks, which it takes to be in step; {@link UtcDatabaseSessions} makes every
 * session store them as UTC, so that instances in any JVM zone, and the hour that repeats when
 * daylight saving time ends, compare alike.
 */
@Factory
class SchedulerLockFactory {

    @Singleton
    LockProvider lockProvider(TransactionOperations<Connection> transactions) {
        return new MicronautJdbcLockProvider(transactions);
    }
}
