package nl.paraat.push;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.paraat.auth.AuthFixtures;
import nl.paraat.auth.OrganisationKind;
import nl.paraat.auth.Role;
import nl.paraat.common.Geohash;
import nl.paraat.testing.Http;
import nl.paraat.testing.ServerTestSupport;
import nl.paraat.testing.Sql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * From a published alert to messages at the fake FCM through the real Firebase Admin SDK: targeting,
 * language, dead tokens, throttling, two instances sharing the work, and taking over a dead instance's work.
 * The dispatcher is driven by the test (its poll interval is an hour) so that every step is deterministic.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PushFanOutTest extends ServerTestSupport implements TestPropertyProvider {

    private FakeFcm fcm;

    @Inject
    PushDispatcher dispatcher;
    @Inject
    DataSource dataSource;

    AuthFixtures.Member issuer;
    String approver;

    @Override
    public Map<String, String> getProperties() {
        fcm = FakeFcm.startLocal();
        return properties();
    }

    private Map<String, String> properties() {
        Map<String, String> properties = fcm.channelProperties();
        properties.put("paraat.push.poll-interval", "1h");
        properties.put("paraat.push.dispatch.start-on-publish", "false");
        properties.put("paraat.push.dispatch.chunk-size", "4");
        properties.put("paraat.push.dispatch.backoff", "20ms");
        return properties;
    }

    @AfterAll
    void stop() {
        fcm.close();
    }

    @BeforeEach
    void setUp() {
        Sql.execute(dataSource, "DELETE FROM push_retry", "DELETE FROM push_chunk", "DELETE FROM push_job",
                "UPDATE push_dispatch SET dispatched_at = CURRENT_TIMESTAMP WHERE dispatched_at IS NULL",
                "DELETE FROM device_area", "DELETE FROM device");
        issuer = AuthFixtures.organisationWithKey(context, OrganisationKind.SAFETY_REGION, List.of("VR04"), Role.ALERT_ISSUER);
        approver = AuthFixtures.keyFor(context, issuer.organisation(), Role.ALERT_APPROVER);
    }

    @Test
    void devicesInTheAreaGetTheAlertInTheirLanguage() {
        String deventerCell = Geohash.encode(52.2550, 6.1639, 5);
        device("nl-token", "nl", "GM0150", null, false);
        device("en-token", "en", "GM0150", null, false);
        device("fy-token", "fy", "GM0150", null, false);
        device("elsewhere-token", "nl", "GM0268", null, false);
        device("visitor-token", "en", "GM0363", deventerCell, false);

        long alert = publish("Actual", "\"codes\":[\"GM0150\"],\"polygons\":[\"52.24,6.14 52.24,6.18 52.27,6.18 52.27,6.14 52.24,6.14\"]");
        drain(dispatcher);

        Map<String, JsonNode> received = received();
        assertThat(received.keySet()).containsExactlyInAnyOrder("nl-token", "en-token", "fy-token", "visitor-token");
        assertThat(title(received.get("nl-token"))).isEqualTo("Stroomstoring in Deventer");
        assertThat(title(received.get("en-token"))).isEqualTo("Power cut in Deventer");
        assertThat(title(received.get("fy-token"))).isEqualTo("Stroomstoring in Deventer");
        assertThat(received.get("en-token").get("data").get("alertId").getStringValue()).isEqualTo(Long.toString(alert));
        JsonNode delivery = delivery(alert);
        assertThat(delivery.get("targeted").getIntValue()).isEqualTo(4);
        assertThat(delivery.get("sent").getIntValue()).isEqualTo(4);
        assertThat(delivery.get("complete").getBooleanValue()).isTrue();
    }

    @Test
    void theMessageCarriesASignatureOfWhatThePhoneShowsVerifiableWithThePublishedKeys() throws Exception {
        device("signed-token", "en", "GM0150", null, false);
        publish("Actual", "\"codes\":[\"GM0150\"]");
        drain(dispatcher);

        JsonNode message = received().get("signed-token");
        com.nimbusds.jose.JWSObject jws = com.nimbusds.jose.JWSObject.parse(message.get("data").get("sig").getStringValue());
        com.nimbusds.jose.jwk.JWKSet keys = com.nimbusds.jose.jwk.JWKSet.parse(http.get("/api/v1/keys").body());
        com.nimbusds.jose.jwk.ECKey key = (com.nimbusds.jose.jwk.ECKey) keys.getKeyByKeyId(jws.getHeader().getKeyID());

        assertThat(jws.verify(new com.nimbusds.jose.crypto.ECDSAVerifier(key.toECPublicKey()))).isTrue();
        Map<String, Object> signed = jws.getPayload().toJSONObject();
        assertThat(signed.get("title")).isEqualTo(title(message));
        assertThat(signed.get("body")).isEqualTo(message.get("notification").get("body").getStringValue());
        assertThat(signed.get("alertId")).isEqualTo(message.get("data").get("alertId").getStringValue());
        assertThat(signed.get("severity")).isEqualTo("Severe");
        String forged = jws.getHeader().toBase64URL() + "." + com.nimbusds.jose.util.Base64URL.encode(
                jws.getPayload().toString().replace("Power cut", "All clear")) + "." + jws.getSignature();
        assertThat(com.nimbusds.jose.JWSObject.parse(forged).verify(new com.nimbusds.jose.crypto.ECDSAVerifier(key.toECPublicKey())))
                .isFalse();
    }

    @Test
    void exercisesReachOnlyDevicesThatOptedIn() {
        device("tester-token", "nl", "GM0150", null, true);
        device("resident-token", "nl", "GM0150", null, false);

        publish("Exercise", "\"codes\":[\"GM0150\"]");
        drain(dispatcher);

        assertThat(received().keySet()).containsExactly("tester-token");
    }

    @Test
    void deadTokensAreRetiredAndCountedAndThrottlingIsRetried() {
        device("dead-token-1", "nl", "GM0150", null, false);
        device("live-token-1", "nl", "GM0150", null, false);
        fcm.throttleNext(1);

        long alert = publish("Actual", "\"codes\":[\"GM0150\"]");
        drain(dispatcher);

        assertThat(received().keySet()).containsExactly("live-token-1");
        JsonNode delivery = delivery(alert);
        assertThat(delivery.get("sent").getIntValue()).isEqualTo(1);
        assertThat(delivery.get("failures").get("UNREGISTERED").getIntValue()).isEqualTo(1);
        assertThat(delivery.get("retiredTokens").getIntValue()).isEqualTo(1);
    }

    @Test
    void twoInstancesShareTheWorkAndSendEachDeviceOnce() throws Exception {
        for (int i = 0; i < 40; i++) {
            device("shared-" + i, "nl", "GM0150", null, false);
        }
        Map<String, Object> sameDatabase = PushTestAlerts.sameDatabaseAs(context);
        sameDatabase.putAll(properties());
        try (ApplicationContext other = ApplicationContext.run(sameDatabase, "test")) {
            PushDispatcher second = other.getBean(PushDispatcher.class);
            publish("Actual", "\"codes\":[\"GM0150\"]");
            dispatcher.plan();
            second.plan();

            CompletableFuture<Void> a = CompletableFuture.runAsync(() -> drain(dispatcher));
            CompletableFuture<Void> b = CompletableFuture.runAsync(() -> drain(second));
            CompletableFuture.allOf(a, b).get();
        }

        assertThat(receivedTokens()).hasSize(40).doesNotHaveDuplicates();
    }

    @Test
    void workOfAnInstanceThatDiedIsTakenOverWhenItsLeaseRunsOut() {
        for (int i = 0; i < 6; i++) {
            device("survivor-" + i, "nl", "GM0150", null, false);
        }
        long alert = publish("Actual", "\"codes\":[\"GM0150\"]");
        dispatcher.plan();
        // An instance claimed the first chunk and died before sending it.
        List<PushChunk> open = context.getBean(PushRepositories.Chunks.class).findClaimable(Instant.now());
        long lastChunk = open.stream().mapToLong(PushChunk::deviceFrom).max().orElseThrow();
        Sql.execute(dataSource, "UPDATE push_chunk SET lease_owner = 'crashed', attempts = 1, lease_until = "
                + Sql.utc(Instant.now().plus(1, ChronoUnit.HOURS)) + " WHERE device_from = " + lastChunk);
        drain(dispatcher);
        assertThat(delivery(alert).get("complete").getBooleanValue()).isFalse();
        int before = fcm.received().size();

        Sql.execute(dataSource, "UPDATE push_chunk SET lease_until = " + Sql.utc(Instant.now().minusSeconds(1))
                + " WHERE lease_owner = 'crashed'");
        drain(dispatcher);

        assertThat(fcm.received().size()).isGreaterThan(before);
        assertThat(receivedTokens()).hasSize(6).doesNotHaveDuplicates();
        assertThat(delivery(alert).get("complete").getBooleanValue()).isTrue();
    }

    @Test
    void refusedCredentialsStopSendingAndDegradeHealthUntilFixed() {
        device("patient-token", "nl", "GM0150", null, false);
        String admin = AuthFixtures.organisationWithKey(context, OrganisationKind.NATIONAL, List.of("NL"), Role.ADMIN).token();
        fcm.refuseCredentials(true);
        PushHealth health = context.getBean(PushHealth.class);
        try {
            long alert = publish("Actual", "\"codes\":[\"GM0150\"]");
            dispatcher.plan();

            dispatcher.run();
            dispatcher.run();

            assertThat(health.paused()).isTrue();
            assertThat(http.get("/health", admin).json().get("details").get("push").get("status").getStringValue())
                    .isEqualTo("DEGRADED");
            assertThat(delivery(alert).get("complete").getBooleanValue()).isFalse();

            fcm.refuseCredentials(false);
            health.resume();
            Sql.execute(dataSource, "UPDATE push_chunk SET lease_until = " + Sql.utc(Instant.now().minusSeconds(1))
                    + " WHERE done = FALSE");
            drain(dispatcher);

            assertThat(received().keySet()).containsExactly("patient-token");
            assertThat(http.get("/health", admin).json().get("details").get("push").get("status").getStringValue())
                    .isEqualTo("UP");
        } finally {
            fcm.refuseCredentials(false);
            health.resume();
        }
    }

    /** Runs rounds of this instance's dispatch, as its poll would, until nothing is left to send or retry. */
    private static void drain(PushDispatcher instance) {
        PushTestAlerts.drain(instance);
    }

    private void device(String token, String locale, String area, String cell, boolean testAlerts) {
        Http.Response registered = http.post("/api/v1/devices", "", null);
        String id = registered.json().get("deviceId").getStringValue();
        String secret = registered.json().get("deviceSecret").getStringValue();
        String body = "{\"pushToken\":\"" + token + "\",\"platform\":\"android\",\"locale\":\"" + locale + "\",\"areas\":[\""
                + area + "\"]," + (cell == null ? "" : "\"locationCell\":\"" + cell + "\",") + "\"testAlerts\":" + testAlerts + "}";
        assertThat(http.send("PUT", "/api/v1/devices/" + id, body, "X-Device-Secret", secret).status()).isEqualTo(200);
    }

    private long publish(String status, String area) {
        String expires = Instant.now().plus(6, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        Http.Response draft = http.post("/api/v1/admin/alerts", """
                {"status":"%s","hazard":"power-outage","urgency":"Immediate","severity":"Severe","certainty":"Observed",
                 "expires":"%s","area":{%s},
                 "infos":{"nl":{"headline":"Stroomstoring in Deventer","description":"De stroom is uitgevallen."},
                          "en":{"headline":"Power cut in Deventer","description":"The power is out."}}}
                """.formatted(status, expires, area), issuer.token());
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        long id = draft.json().get("id").getLongValue();
        http.post("/api/v1/admin/alerts/" + id + "/submit", "", issuer.token());
        assertThat(http.post("/api/v1/admin/alerts/" + id + "/approve", "", approver).status()).isEqualTo(200);
        fcmClear();
        return id;
    }

    private void fcmClear() {
        // messages of earlier tests stay in the fake; tests compare from here on
        baseline = fcm.received().size();
    }

    private int baseline;

    private List<String> receivedTokens() {
        List<JsonNode> all = new ArrayList<>(fcm.received());
        return all.subList(baseline, all.size()).stream().map(m -> m.get("token").getStringValue()).toList();
    }

    private Map<String, JsonNode> received() {
        List<JsonNode> all = new ArrayList<>(fcm.received());
        return all.subList(baseline, all.size()).stream()
                .collect(Collectors.toMap(m -> m.get("token").getStringValue(), m -> m, (a, b) -> a));
    }

    private JsonNode delivery(long alert) {
        Http.Response response = http.get("/api/v1/admin/alerts/" + alert + "/delivery", issuer.token());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static String title(JsonNode message) {
        return message.get("notification").get("title").getStringValue();
    }
}
