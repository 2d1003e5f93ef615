package nl.paraat.push;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.paraat.testing.Sql;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The push of an alert through the real Firebase SDK against a fake FCM that misbehaves as FCM can:
 * a share of 503s (some without FCM's error detail) and 429s with Retry-After, dead tokens, slow
 * answers that outlast the lease, an outage, refused credentials. Whatever it does, every live device
 * gets the alert exactly once, nothing is called complete while messages are pending, and health says
 * when the channel does not deliver.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PushUnderFaultsTest extends FakeFcmTestSupport {

    private static final int LIVE = 200;
    private static final int DEAD = 8;

    @Inject
    PushDispatcher dispatcher;
    @Inject
    PushHealth health;

    @Override
    Map<String, String> pushSettings() {
        return Map.of("paraat.push.poll-interval", "1h", "paraat.push.dispatch.start-on-publish", "false",
                "paraat.push.dispatch.chunk-size", "50", "paraat.push.dispatch.lease", "1s",
                "paraat.push.dispatch.backoff", "20ms", "paraat.push.dispatch.workers", "2");
    }

    private int receivedBefore;

    @BeforeEach
    void devices() {
        receivedBefore = fcm.received().size();
        PushTestAlerts.clear(dataSource);
        PushTestAlerts.devicesInDeventer(dataSource, "live", LIVE);
        PushTestAlerts.devicesInDeventer(dataSource, "dead", DEAD);
    }

    @AfterEach
    void heal() {
        fcm.faults(0, 0);
        fcm.down(false);
        fcm.delayAnswers(0);
        fcm.refuseCredentials(false);
        fcm.rejectToken(false);
        health.resume();
        health.batchAnswered(1, 1, 0);
    }

    @Test
    void underA30PercentShareOfTemporaryFailuresEveryLiveDeviceGetsTheAlertOnce() {
        fcm.faults(0.2, 0.1);
        long before = fcm.accepted();
        fcm.acceptedBetween();

        PushTestAlerts.Published alert = PushTestAlerts.publishForDeventer(context, http);
        PushTestAlerts.drain(dispatcher);
        java.time.Instant lastAccepted = fcm.acceptedBetween()[1];

        assertEachLiveDeviceOnce(before);
        JsonNode delivery = delivery(alert);
        assertThat(delivery.get("complete").getBooleanValue()).isTrue();
        assertThat(delivery.get("sent").getIntValue()).isEqualTo(LIVE);
        assertThat(delivery.get("pending").getIntValue()).isZero();
        assertThat(delivery.get("retiredTokens").getIntValue()).isEqualTo(DEAD);
        assertThat(delivery.get("targeted").getIntValue()).isEqualTo(LIVE + DEAD);
        assertThat(delivery.get("resent").getIntValue()).isZero();
        assertThat(java.time.Instant.parse(delivery.get("lastSentAt").getStringValue()))
                .as("the last send, also when it was a retry").isAfterOrEqualTo(lastAccepted.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(delivery.get("channels").size()).as("channels the push went through").isEqualTo(1);
        JsonNode fcmChannel = delivery.get("channels").get("fcm");
        for (String field : List.of("targeted", "sent", "resent", "pending", "failed", "retiredTokens")) {
            assertThat(fcmChannel.get(field).getIntValue()).as("fcm's " + field).isEqualTo(delivery.get(field).getIntValue());
        }
        for (String field : List.of("firstSentAt", "lastSentAt")) {
            assertThat(fcmChannel.get(field).getStringValue()).as("fcm's " + field).isEqualTo(delivery.get(field).getStringValue());
        }
        assertThat(fcmChannel.get("failures").get("UNREGISTERED").getIntValue()).isEqualTo(DEAD);
        assertThat(fcmChannel.get("failures").size()).isEqualTo(delivery.get("failures").size());
    }

    @Test
    void answersSlowerThanTheLeaseNeverLetAnotherWorkerSendTheSameChunk() {
        // 50 messages a chunk, answered 100 ms late over the SDK's connections: a chunk outlasts its 1 s lease.
        fcm.delayAnswers(100);
        long before = fcm.accepted();

        PushTestAlerts.Published alert = PushTestAlerts.publishForDeventer(context, http);
        PushTestAlerts.drain(dispatcher);

        assertEachLiveDeviceOnce(before);
        assertThat(delivery(alert).get("complete").getBooleanValue()).isTrue();
    }

    @Test
    void anOutageLosesNothingAndIsNotCalledComplete() throws Exception {
        fcm.down(true);
        long before = fcm.accepted();
        PushTestAlerts.Published alert = PushTestAlerts.publishForDeventer(context, http);

        dispatcher.run();
        dispatcher.run();

        JsonNode during = delivery(alert);
        assertThat(during.get("complete").getBooleanValue()).isFalse();
        assertThat(during.get("pending").getIntValue()).isPositive();
        assertThat(during.get("channels").get("fcm").get("pending").getIntValue()).isEqualTo(during.get("pending").getIntValue());
        assertThat(during.get("channels").get("fcm").get("oldestPendingSince").getStringValue())
                .isEqualTo(during.get("oldestPendingSince").getStringValue());
        assertThat(during.get("failed").getIntValue()).isZero();
        assertThat(pushHealth()).isEqualTo("DEGRADED");
        assertThat(http.get("/health").body()).as("what an anonymous caller is told").contains("DEGRADED");
        assertThat(http.get("/health").status()).as("the instance stays in service: residents poll it").isEqualTo(200);

        fcm.down(false);
        Sql.execute(dataSource, "UPDATE push_retry SET next_attempt_at = " + Sql.utc(Instant.now().minusSeconds(1)));
        PushTestAlerts.drain(dispatcher);

        assertEachLiveDeviceOnce(before);
        JsonNode after = delivery(alert);
        assertThat(after.get("complete").getBooleanValue()).isTrue();
        assertThat(after.get("sent").getIntValue()).isEqualTo(LIVE);
        assertThat(pushHealth()).isEqualTo("UP");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"403 permission denied", "401 token not valid"})
    void refusedCredentialsLoseNothingAndProbeWithOneMessage(String refusal) throws InterruptedException {
        refuse(refusal, true);
        long before = fcm.accepted();
        PushTestAlerts.Published alert = PushTestAlerts.publishForDeventer(context, http);

        dispatcher.run();
        Thread.sleep(500); // requests of that round still arriving at the fake
        int attemptsWhenRefused = fcm.attemptedTokens().size();
        dispatcher.run();
        assertThat(fcm.attemptedTokens()).as("nothing is sent during the pause").hasSize(attemptsWhenRefused);
        health.resume();
        dispatcher.run();

        List<String> attempts = fcm.attemptedTokens();
        // The SDK itself may try one message several times after a 401; Paraat tries one message.
        assertThat(new java.util.HashSet<>(attempts.subList(attemptsWhenRefused, attempts.size())))
                .as("devices probed after the pause").hasSize(1);
        JsonNode during = delivery(alert);
        assertThat(during.get("sent").getIntValue()).isZero();
        assertThat(during.get("failed").getIntValue()).isZero();
        assertThat(during.get("complete").getBooleanValue()).isFalse();
        assertThat(pushHealth()).isEqualTo("DEGRADED");

        refuse(refusal, false);
        health.resume();
        Sql.execute(dataSource, "UPDATE push_chunk SET lease_until = NULL WHERE done = FALSE");
        PushTestAlerts.drain(dispatcher);

        assertEachLiveDeviceOnce(before);
        assertThat(delivery(alert).get("complete").getBooleanValue()).isTrue();
        assertThat(pushHealth()).isEqualTo("UP");
    }

    private void refuse(String refusal, boolean refused) {
        if (refusal.startsWith("401")) {
            fcm.rejectToken(refused);
        } else {
            fcm.refuseCredentials(refused);
        }
    }

    private void assertEachLiveDeviceOnce(long acceptedBefore) {
        java.util.List<JsonNode> received = fcm.received();
        Map<String, Long> perToken = received.subList(receivedBefore, received.size()).stream()
                .map(message -> message.get("token").getStringValue())
                .filter(token -> token.startsWith("live-"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        long ours = perToken.values().stream().mapToLong(Long::longValue).sum();
        assertThat(perToken).as("live devices reached").hasSize(LIVE);
        assertThat(perToken.values()).as("messages per live device").containsOnly(1L);
        assertThat(fcm.accepted() - acceptedBefore).as("accepted by the fake").isEqualTo(ours);
    }

    private JsonNode delivery(PushTestAlerts.Published alert) {
        return http.get("/api/v1/admin/alerts/" + alert.alertId() + "/delivery", alert.issuerToken()).json();
    }

    private String pushHealth() {
        return health.state();
    }
}
