package nl.paraat.push;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.paraat.device.PushTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * FCM's Retry-After belongs to the message that was throttled: in one batch, the messages that got
 * a 503 are tried again after the short backoff, not after the longest wait any message was asked for.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetryAfterPerMessageTest extends FakeFcmTestSupport {

    @Inject
    PushSender sender;
    @Inject
    ChunkWork chunkWork;

    @Override
    Map<String, String> pushSettings() {
        return Map.of("paraat.push.dispatch.backoff", "200ms", "paraat.push.dispatch.start-on-publish", "false");
    }

    @Test
    void onlyTheThrottledMessagesOfABatchWaitForTheirRetryAfter() {
        fcm.faults(0.5, 0.5);
        PushSender.Attempt attempt;
        try {
            attempt = sender.attempt(content(), IntStream.rangeClosed(1, 60)
                    .mapToObj(i -> new PushTarget(i, "retry-after-token-" + i, "nl")).toList());
        } finally {
            fcm.faults(0, 0);
        }

        assertThat(attempt.retryable()).hasSize(60);
        assertThat(attempt.retryAfter()).isNotEmpty().hasSizeLessThan(60);
        assertThat(attempt.retryAfter().values()).containsOnly(Duration.ofSeconds(1));
        Instant now = Instant.now();
        for (int i : attempt.retryable()) {
            Instant next = chunkWork.next(0, attempt.retryAfterOf(i));
            if (attempt.retryAfter().containsKey(i)) {
                assertThat(next).as("throttled message %d", i).isAfterOrEqualTo(now.plusSeconds(1));
            } else {
                assertThat(next).as("unavailable message %d", i).isBefore(now.plusMillis(900));
            }
        }
    }

    private static PushRequest content() {
        return new PushRequest(1, "urn:paraat:alert:retry-after", "GM0150", "Alert", "Severe", true, false, "alert-1",
                Instant.now().plusSeconds(3600), Set.of("GM0150"), Set.of(),
                Map.of("nl", new PushRequest.Text("Stroomstoring", "De stroom is uitgevallen.")),
                new double[]{6.0, 52.0, 6.3, 52.3}, false);
    }
}
