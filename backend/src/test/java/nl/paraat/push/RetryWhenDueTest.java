package nl.paraat.push;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A message that failed for a while goes out again when its retry falls due, not at the next poll:
 * under faults one message may need many tries, and each would otherwise also wait for a poll.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetryWhenDueTest extends FakeFcmTestSupport {

    @Inject
    PushSender sender;

    @Override
    Map<String, String> pushSettings() {
        // The poll never comes during this test: only publishing and due retries can start a send.
        return Map.of("paraat.push.poll-interval", "1h", "paraat.push.dispatch.backoff", "200ms",
                "paraat.push.dispatch.max-backoff", "1s");
    }

    @Test
    void messagesThatFailedAgainAndAgainAreSentWhenTheirRetriesFallDueWithoutAPoll() throws InterruptedException {
        PushTestAlerts.clear(dataSource);
        PushTestAlerts.devicesInDeventer(dataSource, "due-token", 40);
        // Every message fails four times in a row: 503 without detail and with, then 429 with Retry-After: 1.
        fcm.unavailableNext(120);
        fcm.throttleNext(40);
        Instant published = Instant.now();

        PushTestAlerts.publishForDeventer(context, http);

        assertThat(fcm.awaitAccepted(40)).isGreaterThanOrEqualTo(40);
        assertThat(fcm.acceptedPerToken()).hasSize(40).allSatisfy((token, times) -> {
            assertThat(token).startsWith("due-token-");
            assertThat(times).as(token).isEqualTo(1);
        });
        // The waits are at most 0.2 s, 0.4 s, 0.8 s and the Retry-After's 1 s, plus the time to send.
        assertThat(Duration.between(published, Instant.now())).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void eachWaitLiesBetweenHalfAndAllOfTheDoublingBackoffAndNeverBeyondItsCeiling() {
        for (int attempt = 0; attempt < 40; attempt++) {
            long base = Math.min(200L << Math.min(attempt, 20), 1000);
            for (int draw = 0; draw < 200; draw++) {
                assertThat(sender.backoff(attempt).toMillis()).as("attempt %d", attempt).isBetween(base / 2, base);
            }
        }
    }
}
