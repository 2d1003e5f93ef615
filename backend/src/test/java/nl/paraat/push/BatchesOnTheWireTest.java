package nl.paraat.push;

import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.paraat.auth.AuthFixtures;
import nl.paraat.auth.OrganisationKind;
import nl.paraat.auth.Role;
import nl.paraat.testing.Http;
import nl.paraat.testing.ServerTestSupport;
import nl.paraat.testing.Sql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two workers prepare chunks at the same time, but an instance has no more push-service batches on
 * the wire than configured: measured at the fake FCM as the most requests waiting for an answer at once.
 */
abstract class BatchesOnTheWireTest extends ServerTestSupport implements TestPropertyProvider {

    private static final int CHUNK = 10;
    private static final int DEVICES = 40;

    @Inject
    DataSource dataSource;

    private FakeFcm fcm;

    abstract int batchesInFlight();

    @Override
    public Map<String, String> getProperties() {
        fcm = FakeFcm.startLocal();
        Map<String, String> properties = fcm.channelProperties();
        properties.put("paraat.push.dispatch.chunk-size", Integer.toString(CHUNK));
        properties.put("paraat.push.dispatch.workers", "2");
        properties.put("paraat.push.dispatch.batches-in-flight", Integer.toString(batchesInFlight()));
        properties.put("paraat.push.poll-interval", "1h");
        return properties;
    }

    @AfterAll
    void stop() {
        fcm.close();
        // Other tests count the devices of this area.
        Sql.execute(dataSource, "DELETE FROM device_area", "DELETE FROM device");
    }

    @Test
    void noMoreBatchesAreOnTheWireThanConfigured() throws InterruptedException {
        Sql.execute(dataSource, "DELETE FROM push_chunk", "DELETE FROM push_job",
                "UPDATE alert_dispatch SET dispatched_at = CURRENT_TIMESTAMP WHERE dispatched_at IS NULL",
                "DELETE FROM device_area", "DELETE FROM device");
        for (int i = 0; i < DEVICES; i++) {
            register("wire-token-" + i);
        }
        // Slow answers keep each batch on the wire long enough for the other worker's batch to meet it.
        fcm.delayAnswers(150);

        publish();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (fcm.accepted() < DEVICES && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }

        assertThat(fcm.accepted()).isEqualTo(DEVICES);
        // A batch holds at most one chunk's devices.
        assertThat(fcm.mostInFlight()).isLessThanOrEqualTo(batchesInFlight() * CHUNK).isGreaterThan((batchesInFlight() - 1) * CHUNK);
    }

    private void register(String token) {
        Http.Response registered = http.post("/api/v1/devices", "", null);
        String id = registered.json().get("deviceId").getStringValue();
        String secret = registered.json().get("deviceSecret").getStringValue();
        assertThat(http.send("PUT", "/api/v1/devices/" + id, """
                {"pushToken":"%s","platform":"android","locale":"nl","areas":["GM0150"],"testAlerts":false}""".formatted(token),
                "X-Device-Secret", secret).status()).isEqualTo(200);
    }

    private void publish() {
        AuthFixtures.Member issuer = AuthFixtures.organisationWithKey(context, OrganisationKind.SAFETY_REGION,
                List.of("VR04"), Role.ALERT_ISSUER);
        String approver = AuthFixtures.keyFor(context, issuer.organisation(), Role.ALERT_APPROVER);
        String expires = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        long alert = http.post("/api/v1/admin/alerts", """
                {"hazard":"flood","urgency":"Immediate","severity":"Extreme","certainty":"Observed","expires":"%s",
                 "area":{"codes":["GM0150"]},"infos":{"nl":{"headline":"Overstroming","description":"Ga naar hoger gelegen gebied."}}}
                """.formatted(expires), issuer.token()).json().get("id").getLongValue();
        http.post("/api/v1/admin/alerts/" + alert + "/submit", "", issuer.token());
        assertThat(http.post("/api/v1/admin/alerts/" + alert + "/approve", "", approver).status()).isEqualTo(200);
    }
}
