package nl.paraat.push;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import nl.paraat.auth.AuthFixtures;
import nl.paraat.auth.OrganisationKind;
import nl.paraat.auth.Role;
import nl.paraat.testing.Http;
import nl.paraat.testing.ServerTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The instance that publishes an alert starts its push at once, without waiting for its next poll. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PushStartsOnPublishTest extends ServerTestSupport implements TestPropertyProvider {

    private FakeFcm fcm;

    @Override
    public Map<String, String> getProperties() {
        fcm = FakeFcm.startLocal();
        Map<String, String> properties = fcm.channelProperties();
        properties.put("paraat.push.poll-interval", "1h");
        return properties;
    }

    @AfterAll
    void stop() {
        fcm.close();
    }

    @Test
    void publishingStartsThePushWithoutWaitingForThePoll() throws InterruptedException {
        Http.Response registered = http.post("/api/v1/devices", "", null);
        String id = registered.json().get("deviceId").getStringValue();
        String secret = registered.json().get("deviceSecret").getStringValue();
        http.send("PUT", "/api/v1/devices/" + id, """
                {"pushToken":"eager-token","platform":"ios","locale":"nl","areas":["GM0150"],"testAlerts":false}""",
                "X-Device-Secret", secret);
        AuthFixtures.Member issuer = AuthFixtures.organisationWithKey(context, OrganisationKind.SAFETY_REGION,
                List.of("VR04"), Role.ALERT_ISSUER);
        String expires = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        String approver = AuthFixtures.keyFor(context, issuer.organisation(), Role.ALERT_APPROVER);
        Http.Response draft = http.post("/api/v1/admin/alerts", """
                {"hazard":"flood","urgency":"Immediate","severity":"Extreme","certainty":"Observed","expires":"%s",
                 "area":{"codes":["GM0150"]},"infos":{"nl":{"headline":"Overstroming","description":"Ga naar hoger gelegen gebied."}}}
                """.formatted(expires), issuer.token());
        long alert = draft.json().get("id").getLongValue();
        http.post("/api/v1/admin/alerts/" + alert + "/submit", "", issuer.token());
        assertThat(http.post("/api/v1/admin/alerts/" + alert + "/approve", "", approver).status()).isEqualTo(200);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));

        while (fcm.received().isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }

        assertThat(fcm.received()).extracting(message -> message.get("token").getStringValue()).containsExactly("eager-token");
    }
}
