package nl.paraat.push;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The real Firebase Admin SDK, pointed at a local fake FCM through configuration. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FcmPushChannelTest implements TestPropertyProvider {

    private FakeFcm fcm;

    @Inject
    PushChannel channel;

    @Override
    public Map<String, String> getProperties() {
        fcm = FakeFcm.startLocal();
        Map<String, String> properties = fcm.channelProperties();
        properties.put("paraat.push.timeout", "1s");
        return properties;
    }

    @AfterAll
    void stop() {
        fcm.close();
    }

    @Test
    void sendsThroughTheSdkWithPriorityCollapseKeyAndApnsHeaders() {
        assertThat(channel.name()).isEqualTo("fcm");

        List<PushResult> results = channel.send(List.of(
                message("token-one", true), message("dead-token", false), message("token-two", false)));

        assertThat(results).extracting(PushResult::token).containsExactly("token-one", "dead-token", "token-two");
        assertThat(results).extracting(PushResult::sent).containsExactly(true, false, true);
        assertThat(results.get(1).error()).isEqualTo("UNREGISTERED");
        assertThat(results.get(1).tokenIsDead()).isTrue();
        JsonNode first = fcm.received().stream().filter(m -> m.get("token").getStringValue().equals("token-one"))
                .findFirst().orElseThrow();
        assertThat(first.get("android").get("priority").getStringValue()).isEqualTo("high");
        assertThat(first.get("android").get("ttl").getStringValue()).isEqualTo("7200s");
        assertThat(first.get("android").get("collapse_key").getStringValue()).isEqualTo("alert-42");
        assertThat(first.get("android").get("notification").get("tag").getStringValue()).isEqualTo("alert-42");
        assertThat(first.get("apns").get("headers").get("apns-priority").getStringValue()).isEqualTo("10");
        assertThat(first.get("apns").get("headers").get("apns-collapse-id").getStringValue()).isEqualTo("alert-42");
        assertThat(first.get("apns").get("payload").get("aps").get("interruption-level").getStringValue())
                .isEqualTo("time-sensitive");
        assertThat(first.get("data").get("alertId").getStringValue()).isEqualTo("42");
        assertThat(first.get("notification").get("title").getStringValue()).isEqualTo("Stroomstoring in Deventer");
    }

    @Test
    void throttlingIsReportedAsRetryable() {
        fcm.throttleNext(1000);
        try {
            List<PushResult> results = channel.send(List.of(message("token-three", false)));

            assertThat(results.get(0).sent()).isFalse();
            assertThat(results.get(0).retryable()).isTrue();
            assertThat(results.get(0).error()).isEqualTo("QUOTA_EXCEEDED");
        } finally {
            fcm.throttleNext(0);
        }
    }

    @Test
    void anUnavailablePushServiceAnswersAtOnceAsRetryableWithoutTheSdkSleepingOnIt() {
        fcm.unavailableNext(1);
        try {
            long requestsBefore = fcm.requests();
            List<PushResult> results = channel.send(List.of(message("token-after-503", false)));

            // The SDK would retry a 503 itself, sleeping on the thread that waits for the batch; Paraat keeps it for later.
            assertThat(results.get(0).sent()).isFalse();
            assertThat(results.get(0).retryable()).isTrue();
            assertThat(results.get(0).error()).isEqualTo("UNAVAILABLE");
            assertThat(fcm.requests() - requestsBefore).as("one request: the SDK did not try again").isEqualTo(1);
        } finally {
            fcm.unavailableNext(0);
        }
    }

    @Test
    void anAnswerLaterThanTheTimeoutIsARetryableFailureNotAHang() {
        fcm.delayAnswers(5_000);
        try {
            long started = System.nanoTime();
            List<PushResult> results = channel.send(List.of(message("token-slow", false)));

            // The HTTP client checks its timeouts once a second, so a 1 s timeout ends between 1 and 2 s.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
            assertThat(results.get(0).sent()).isFalse();
            assertThat(results.get(0).retryable()).isTrue();
            assertThat(results.get(0).error()).isEqualTo("NO_ANSWER");
        } finally {
            fcm.delayAnswers(0);
        }
    }

    @Test
    void moreThanOneBatchIsSentInBatchesOfFiveHundred() {
        int before = fcm.received().size();
        List<PushMessage> many = java.util.stream.IntStream.range(0, 1_201)
                .mapToObj(i -> message("bulk-" + i, false)).toList();

        List<PushResult> results = channel.send(many);

        assertThat(results).hasSize(1_201).allMatch(PushResult::sent);
        assertThat(fcm.received().size() - before).isEqualTo(1_201);
    }

    private static PushMessage message(String token, boolean urgent) {
        return new PushMessage(token, null, "Stroomstoring in Deventer", "Ga naar een noodsteunpunt als u hulp nodig hebt.",
                Map.of("alertId", "42", "msgType", "Alert", "severity", "Severe"), "alert-42", Duration.ofHours(2), urgent);
    }
}
