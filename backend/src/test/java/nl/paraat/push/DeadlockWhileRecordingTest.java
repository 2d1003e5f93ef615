package nl.paraat.push;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import nl.paraat.testing.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real InnoDB deadlock between the write that records a sent batch and another transaction: the
 * database rolls the record back and expects it to be run again. Not run again, the batch stays leased
 * and unrecorded, and is sent a second time when its lease runs out.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadlockWhileRecordingTest extends FakeFcmTestSupport {

    private static final int DEVICES = 40;

    @Override
    Map<String, String> pushSettings() {
        // A short lease, so that a batch left unrecorded would be taken over and sent again within the test.
        return Map.of("paraat.push.dispatch.lease", "2s", "paraat.push.dispatch.backoff", "100ms",
                "paraat.push.dispatch.max-backoff", "200ms");
    }

    @Test
    void aBatchWhoseRecordTheDatabaseRolledBackInADeadlockIsRecordedOnceAndSentToNobodyTwice() throws Exception {
        try (Connection other = Sql.target(dataSource).getConnection()) {
            Assumptions.assumeTrue(other.getMetaData().getDatabaseProductName().matches("(?i)mariadb|mysql"),
                    "InnoDB's deadlock detection");
        }
        PushTestAlerts.clear(dataSource);
        PushTestAlerts.devicesInDeventer(dataSource, "deadlock-token", DEVICES);
        PushTestAlerts.devicesInDeventer(dataSource, "ballast-token", 300);
        // The batch of 340 stays on the wire for 1.5 s; the first 100 of its messages fail and are kept for later.
        fcm.delayAnswers(1500);
        fcm.unavailableNext(100);

        PushTestAlerts.Published published = PushTestAlerts.publishForDeventer(context, http);
        long job = awaitJobOf(published.alertId());
        awaitRequests(DEVICES + 300);

        try (Connection other = Sql.target(dataSource).getConnection()) {
            other.setAutoCommit(false);
            try (Statement statement = other.createStatement()) {
                // Many changed rows make this transaction the heavier one, so that InnoDB picks the record as its victim.
                assertThat(statement.executeUpdate("UPDATE device SET last_seen_at = CURRENT_TIMESTAMP"
                        + " WHERE push_token LIKE 'ballast-token-%'")).isEqualTo(300);
                statement.executeQuery("SELECT id FROM push_chunk WHERE job_id = " + job + " FOR UPDATE").close();
            }
            // The answers arrive, the record stores the messages to try again, then waits for the chunk row.
            awaitRecordWaitingForTheChunk();
            // Waiting in turn for the rows the record stored closes the cycle: one of the two must be rolled back.
            CompletableFuture<Void> cycle = CompletableFuture.runAsync(() -> {
                try (PreparedStatement statement = other.prepareStatement("SELECT id FROM push_retry WHERE job_id = ? FOR UPDATE")) {
                    statement.setLong(1, job);
                    statement.executeQuery().close();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            cycle.get(20, TimeUnit.SECONDS);
            other.rollback();
        }
        fcm.delayAnswers(0);

        assertThat(fcm.awaitAccepted(DEVICES + 300)).isGreaterThanOrEqualTo(DEVICES + 300);
        // Long enough for a lease left behind to run out and its batch to go out again.
        Thread.sleep(4000);
        assertThat(fcm.acceptedPerToken()).hasSize(DEVICES + 300).allSatisfy((token, times) ->
                assertThat(times).as(token).isEqualTo(1));
    }

    private long awaitJobOf(long alert) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            try (Connection connection = Sql.target(dataSource).getConnection();
                 PreparedStatement query = connection.prepareStatement("SELECT id FROM push_job WHERE alert_id = ?")) {
                query.setLong(1, alert);
                try (ResultSet rows = query.executeQuery()) {
                    if (rows.next()) {
                        return rows.getLong(1);
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the alert's push was never planned");
    }

    private void awaitRequests(int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (fcm.requests() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
        }
        assertThat(fcm.requests()).isGreaterThanOrEqualTo(count);
    }

    /** Until the record's update of the chunk row waits for this test's lock on it. */
    private void awaitRecordWaitingForTheChunk() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            try (Connection connection = Sql.target(dataSource).getConnection(); Statement statement = connection.createStatement();
                 ResultSet waiting = statement.executeQuery("SELECT COUNT(*) FROM information_schema.PROCESSLIST"
                         + " WHERE COMMAND = 'Query' AND INFO LIKE 'UPDATE push_chunk SET cursor_device%' AND TIME_MS > 100")) {
                waiting.next();
                if (waiting.getLong(1) > 0) {
                    return;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the batch's record never waited for the chunk row");
    }
}
