package nl.paraat.device;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.paraat.testing.Http;
import nl.paraat.testing.MutableClock;
import nl.paraat.testing.ServerTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static nl.paraat.testing.ProblemAssertions.assertFieldProblem;
import static nl.paraat.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Anonymous registration, update with the device's secret, erasure, and retirement of stale tokens. */
@MicronautTest(transactional = false)
class DeviceApiTest extends ServerTestSupport {

    private static final String REGISTRATION = """
            {"pushToken":"fcm-token-abc:APA91b","platform":"android","locale":"en",
             "areas":["GM0150","GM0363"],"locationCell":"u1kq5","testAlerts":false}
            """;
    // One clock for every test instance: the Clock bean can be made again from an earlier instance on a background thread.
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));

    @Inject
    DeviceRepositories.Devices devices;
    @Inject
    DeviceRepositories.Areas areas;
    @Inject
    DeviceService service;

    String id;
    String secret;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @BeforeEach
    void register() {
        clock.set(Instant.parse("2026-11-25T12:00:00Z"));
        Http.Response registered = http.post("/api/v1/devices", "", null);
        assertThat(registered.status()).isEqualTo(201);
        id = registered.json().get("deviceId").getStringValue();
        secret = registered.json().get("deviceSecret").getStringValue();
    }

    @Test
    void registrationGivesARandomIdAndASecretThatIsStoredOnlyAsAHash() {
        assertThat(id).matches("[0-9a-f]{32}");
        assertThat(secret).hasSizeGreaterThanOrEqualTo(43);
        Device stored = devices.findByPublicId(id).orElseThrow();
        assertThat(stored.secretHash()).doesNotContain(secret).hasSize(64);
    }

    @Test
    void theAppUpdatesItsRegistrationWithItsSecret() {
        Http.Response updated = put(id, secret, REGISTRATION);

        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        JsonNode view = get(id, secret).json();
        assertThat(view.get("locale").getStringValue()).isEqualTo("en");
        assertThat(view.get("areas").size()).isEqualTo(2);
        assertThat(view.get("pushToken").getBooleanValue()).isTrue();
        assertThat(view.toString()).doesNotContain("fcm-token-abc");
        assertProblem(put(id, "wrong-secret", REGISTRATION), 401);
        assertProblem(put(id, null, REGISTRATION), 401);
        assertProblem(put("0".repeat(32), secret, REGISTRATION), 404);
    }

    @Test
    void leavingOutThePushTokenRemovesItAndABlankOneIsRefused() {
        put(id, secret, REGISTRATION);
        assertFieldProblem(put(id, secret, REGISTRATION.replace("\"fcm-token-abc:APA91b\"", "\"  \"")), 400, "pushToken");
        assertThat(devices.findByPublicId(id).orElseThrow().pushToken()).isEqualTo("fcm-token-abc:APA91b");

        Http.Response withoutToken = put(id, secret, REGISTRATION.replace("\"pushToken\":\"fcm-token-abc:APA91b\",", ""));

        assertThat(withoutToken.status()).as(withoutToken.body()).isEqualTo(200);
        assertThat(withoutToken.json().get("pushToken").getBooleanValue()).isFalse();
        assertThat(devices.findByPublicId(id).orElseThrow().pushTokenDigest()).isNull();
    }

    @Test
    void timesKeepTheirFractionsOfASecondThroughTheDatabase() {
        clock.set(Instant.parse("2026-11-25T12:00:00.123Z"));
        assertThat(put(id, secret, REGISTRATION).status()).isEqualTo(200);

        assertThat(get(id, secret).json().get("lastSeenAt").getStringValue()).isEqualTo("2026-11-25T12:00:00.123Z");
        assertThat(devices.findByPublicId(id).orElseThrow().lastSeenAt()).isEqualTo(Instant.parse("2026-11-25T12:00:00.123Z"));
    }

    @Test
    void nothingThatIdentifiesAPersonIsAccepted() {
        assertProblem(put(id, secret, REGISTRATION.replace("\"testAlerts\":false", "\"testAlerts\":false,\"email\":\"a@b.nl\"")), 400);
        assertProblem(put(id, secret, REGISTRATION.replace("\"testAlerts\":false", "\"testAlerts\":false,\"latitude\":52.2550")), 400);
        assertFieldProblem(put(id, secret, REGISTRATION.replace("u1kq5", "u1kq5x7z")), 400, "locationCell");
        assertFieldProblem(put(id, secret, REGISTRATION.replace("GM0363", "GM9999")), 400, "areas");
        assertFieldProblem(put(id, secret, REGISTRATION.replace("android", "symbian")), 400, "platform");
        assertFieldProblem(put(id, secret, REGISTRATION.replace("\"en\"", "\"xx\"")), 400, "locale");
        assertThat(get(id, secret).json().get("areas").size()).isZero();
    }

    @Test
    void erasureRemovesEverythingAboutTheDevice() {
        put(id, secret, REGISTRATION);
        long internalId = devices.findByPublicId(id).orElseThrow().id();

        assertThat(delete(id, secret).statusCode()).isEqualTo(204);

        assertThat(devices.findByPublicId(id)).isEmpty();
        assertThat(areas.findByDeviceIdOrderByMunicipality(internalId)).isEmpty();
        assertProblem(get(id, secret), 404);
    }

    @Test
    void tokensUnusedFor270DaysAreRetired() {
        put(id, secret, REGISTRATION);

        clock.advance(Duration.ofDays(269));
        service.retireStaleTokens();
        assertThat(get(id, secret).json().get("pushToken").getBooleanValue()).isTrue();

        clock.advance(Duration.ofDays(2));
        assertThat(service.retireStaleTokens()).isGreaterThanOrEqualTo(1);
        assertThat(devices.findByPublicId(id).orElseThrow().pushToken()).isNull();
    }

    private Http.Response put(String deviceId, String deviceSecret, String body) {
        return send("PUT", deviceId, deviceSecret, body);
    }

    private Http.Response get(String deviceId, String deviceSecret) {
        return send("GET", deviceId, deviceSecret, null);
    }

    private HttpResponse<String> delete(String deviceId, String deviceSecret) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.getURI() + "/api/v1/devices/" + deviceId))
                    .header(DeviceController.SECRET_HEADER, deviceSecret).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Http.Response send(String method, String deviceId, String deviceSecret, String body) {
        return http.send(method, "/api/v1/devices/" + deviceId, body, DeviceController.SECRET_HEADER, deviceSecret);
    }
}
