package nl.paraat.push;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import nl.paraat.device.DeviceService;
import nl.paraat.device.DeviceServiceCalls;
import nl.paraat.testing.Http;
import nl.paraat.testing.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Topic mode: a device's topic subscriptions change at FCM only after its transaction committed,
 * from a durable record that is retried while FCM is unavailable, in the order the device changed.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TopicSubscriptionsAfterCommitTest extends FakeFcmTestSupport {

    private static final String A = "paraat-gm0150-nl";
    private static final String B = "paraat-gm0268-nl";
    private static final String C = "paraat-gm0363-nl";

    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    DeviceService devices;

    @Override
    Map<String, String> pushSettings() {
        return Map.of("paraat.push.dispatch.mode", "topic",
                "paraat.push.poll-interval", "1h",
                "paraat.push.topics.poll-interval", "200ms",
                "paraat.push.topics.backoff", "200ms",
                "paraat.push.topics.max-backoff", "1s");
    }

    @BeforeEach
    void fcmIsAvailable() {
        fcm.topics().unavailable(false);
    }

    @Test
    void aRolledBackDeviceUpdateLeavesNoPendingChangeAndNeverReachesFcm() throws InterruptedException {
        String[] device = registerDevice();

        assertThatThrownBy(() -> transactions.executeWrite(status -> {
            DeviceServiceCalls.update(devices, device[0], device[1], "rollback-token", "nl", List.of("GM0150"), false);
            assertThat(requestsNaming("rollback-token")).as("FCM requests while the transaction is open").isZero();
            assertThat(count(status.getConnection(), "SELECT COUNT(*) FROM push_topic_change WHERE token = 'rollback-token'"))
                    .as("changes recorded inside the transaction").isOne();
            throw new RollBack();
        })).isInstanceOf(RollBack.class);

        assertThat(pending("rollback-token")).isZero();
        // several polls of the worker
        Thread.sleep(1000);
        assertThat(requestsNaming("rollback-token")).isZero();
        assertThat(fcm.topics().topicsOf(List.of("rollback-token"))).containsEntry("rollback-token", Set.of());
    }

    @Test
    void whileFcmIsUnavailableRegistrationsSucceedAtOnceAndEverySubscriptionArrivesOnceItIsBack() throws InterruptedException {
        fcm.topics().unavailable(true);
        Map<String, Set<String>> expected = new TreeMap<>();
        for (int i = 0; i < 12; i++) {
            String token = "outage-token-" + i;
            List<String> areas = i % 2 == 0 ? List.of("GM0150") : List.of("GM0268", "GM0363");
            String locale = i % 3 == 0 ? "en" : "nl";
            boolean testAlerts = i % 4 == 0;
            Instant started = Instant.now();
            assertThat(put(registerDevice(), token, locale, areas, testAlerts).status()).isEqualTo(200);
            assertThat(Duration.between(started, Instant.now())).as("registration time").isLessThan(Duration.ofSeconds(2));
            expected.put(token, Topics.forDevice(areas, locale, testAlerts));
        }

        assertThat(await(() -> failedAttempts("outage-token-") > 0, Duration.ofSeconds(30))).as("a failed attempt").isTrue();
        assertThat(fcm.topics().topicsOf(expected.keySet()).values()).allMatch(Set::isEmpty);
        fcm.topics().unavailable(false);

        assertThat(fcm.topics().awaitTopicsOf(expected, Duration.ofSeconds(30))).isEqualTo(expected);
        assertThat(await(() -> pending("outage-token-") == 0, Duration.ofSeconds(5))).as("no change left").isTrue();
        assertThat(fcm.topics().applied().stream().filter(request -> request.tokens().get(0).startsWith("outage-token-"))
                .mapToInt(request -> request.tokens().size()).max().orElse(0)).as("tokens in one request").isGreaterThan(1);
    }

    @Test
    void changesMadeWhileFcmIsUnavailableArriveInTheOrderTheDevicesMadeThem() throws InterruptedException {
        String[] first = registerDevice();
        String[] second = registerDevice();
        put(first, "order-token-1", "nl", List.of("GM0150"), false);
        put(second, "order-token-2", "nl", List.of("GM0363"), false);
        assertThat(fcm.topics().awaitTopicsOf(Map.of("order-token-1", Set.of(A), "order-token-2", Set.of(C)),
                Duration.ofSeconds(10))).isEqualTo(Map.of("order-token-1", Set.of(A), "order-token-2", Set.of(C)));

        fcm.topics().unavailable(true);
        // Topic A sees: out 1, in 2, in 1, out 2, out 1, in 2. Batching A's subscribes apart from its
        // unsubscribes would end with both tokens in A or neither.
        put(first, "order-token-1", "nl", List.of("GM0268"), false);
        put(second, "order-token-2", "nl", List.of("GM0150"), false);
        put(first, "order-token-1", "nl", List.of("GM0150"), false);
        put(second, "order-token-2", "nl", List.of("GM0363"), false);
        put(first, "order-token-1", "nl", List.of("GM0268"), false);
        put(second, "order-token-2", "nl", List.of("GM0150"), false);
        assertThat(await(() -> failedAttempts("order-token-") > 0, Duration.ofSeconds(30))).as("a failed attempt").isTrue();
        fcm.topics().unavailable(false);

        Map<String, Set<String>> expected = Map.of("order-token-1", Set.of(B), "order-token-2", Set.of(A));
        assertThat(fcm.topics().awaitTopicsOf(expected, Duration.ofSeconds(30))).isEqualTo(expected);
        assertThat(await(() -> pending("order-token-") == 0, Duration.ofSeconds(5))).as("no change left").isTrue();
        assertThat(fcm.topics().topicsOf(expected.keySet())).isEqualTo(expected);
    }

    @Test
    void aTokenThatFcmDoesNotKnowIsRetiredInsteadOfRetried() throws InterruptedException {
        String[] device = registerDevice();
        put(device, "dead-topic-token", "nl", List.of("GM0150"), false);

        assertThat(await(() -> !http.getWithHeader("/api/v1/devices/" + device[0], "X-Device-Secret", device[1]).json()
                .get("pushToken").getBooleanValue(), Duration.ofSeconds(10))).as("token retired").isTrue();
        assertThat(pending("dead-topic-token")).isZero();
        Thread.sleep(1000);
        assertThat(requestsNaming("dead-topic-token")).isOne();
    }

    @Test
    void erasingADeviceUnsubscribesItsTokenAndKeepsNothingOnceFcmHasDoneIt() throws InterruptedException {
        String[] device = registerDevice();
        put(device, "erased-token", "en", List.of("GM0150"), true);
        Map<String, Set<String>> subscribed = Map.of("erased-token", Set.of("paraat-gm0150-en", "paraat-test-gm0150-en"));
        assertThat(fcm.topics().awaitTopicsOf(subscribed, Duration.ofSeconds(10))).isEqualTo(subscribed);

        assertThat(http.send("DELETE", "/api/v1/devices/" + device[0], null, "X-Device-Secret", device[1]).status())
                .isEqualTo(204);

        Map<String, Set<String>> unsubscribed = Map.of("erased-token", Set.of());
        assertThat(fcm.topics().awaitTopicsOf(unsubscribed, Duration.ofSeconds(10))).isEqualTo(unsubscribed);
        assertThat(await(() -> pending("erased-token") == 0, Duration.ofSeconds(5))).as("no change left").isTrue();
    }

    private static final class RollBack extends RuntimeException {
    }

    private String[] registerDevice() {
        Http.Response registered = http.post("/api/v1/devices", "", null);
        return new String[]{registered.json().get("deviceId").getStringValue(),
                registered.json().get("deviceSecret").getStringValue()};
    }

    private Http.Response put(String[] device, String token, String locale, List<String> areas, boolean testAlerts) {
        String body = "{\"pushToken\":\"" + token + "\",\"platform\":\"android\",\"locale\":\"" + locale + "\",\"areas\":[\""
                + String.join("\",\"", areas) + "\"],\"testAlerts\":" + testAlerts + "}";
        return http.send("PUT", "/api/v1/devices/" + device[0], body, "X-Device-Secret", device[1]);
    }

    /** Requests FCM answered, or refused while unavailable, that name the token. */
    private long requestsNaming(String token) {
        return fcm.topics().applied().stream().filter(request -> request.tokens().contains(token)).count()
                + fcm.topics().refusedNaming(token);
    }

    private long pending(String tokenPrefix) {
        return Sql.number(dataSource, "SELECT COUNT(*) FROM push_topic_change WHERE token LIKE '" + tokenPrefix + "%'");
    }

    private long failedAttempts(String tokenPrefix) {
        return Sql.number(dataSource, "SELECT COUNT(*) FROM push_topic_change WHERE token LIKE '" + tokenPrefix
                + "%' AND last_error IS NOT NULL");
    }

    private static long count(Connection connection, String query) {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean await(BooleanSupplier condition, Duration atMost) throws InterruptedException {
        Instant deadline = Instant.now().plus(atMost);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }
}
