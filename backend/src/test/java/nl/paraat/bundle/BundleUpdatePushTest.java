package nl.paraat.bundle;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.paraat.auth.AuthFixtures;
import nl.paraat.auth.OrganisationKind;
import nl.paraat.auth.Role;
import nl.paraat.push.FakeFcm;
import nl.paraat.testing.Http;
import nl.paraat.testing.ServerTestSupport;
import nl.paraat.testing.Sql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A silent push through the real SDK tells the apps of a safety region that their offline bundle changed. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BundleUpdatePushTest extends ServerTestSupport implements TestPropertyProvider {

    private FakeFcm fcm;

    @Inject
    BundleUpdateNotifier notifier;
    @Inject
    BundleService bundles;
    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        fcm = FakeFcm.startLocal();
        Map<String, String> properties = fcm.channelProperties();
        properties.put("paraat.push.poll-interval", "1h");
        properties.put("paraat.push.bundle-updates.check-interval", "1h");
        properties.put("paraat.bundle.recheck", "0s");
        return properties;
    }

    @AfterAll
    void stop() {
        fcm.close();
    }

    @Test
    void aChangedBundleIsAnnouncedSilentlyToTheRegionsDevicesAtMostOncePerInterval() throws Exception {
        Sql.execute(dataSource, "DELETE FROM push_bundle_notice", "DELETE FROM device_area", "DELETE FROM device");
        device("ijsselland-token", "GM0150");
        device("rotterdam-token", "GM0599");
        assertThat(notifier.notifyIfChanged("VR04")).as("the first version seen is the baseline").isZero();

        String pointManager = AuthFixtures.organisationWithKey(context, OrganisationKind.NATIONAL, List.of("NL"),
                Role.POINT_MANAGER).token();
        String before = bundles.version("VR04", "nl");
        point("Dorpshuis Okkenbroek", 52.2900, 6.3000, pointManager);
        awaitNewVersion(before);
        int told = notifier.notifyIfChanged("VR04");

        assertThat(told).isEqualTo(1);
        List<JsonNode> received = fcm.received().stream()
                .filter(message -> message.get("data") != null && "bundle-update".equals(text(message.get("data").get("type"))))
                .toList();
        assertThat(received).extracting(message -> text(message.get("token"))).containsExactly("ijsselland-token");
        JsonNode notice = received.get(0);
        assertThat(notice.get("notification")).as("silent: nothing is shown").isNull();
        assertThat(text(notice.get("data").get("region"))).isEqualTo("VR04");
        assertThat(text(notice.get("data").get("version"))).isEqualTo(bundles.version("VR04", "nl"));
        assertThat(text(notice.get("android").get("priority"))).isEqualTo("normal");
        assertThat(text(notice.get("apns").get("headers").get("apns-priority"))).isEqualTo("5");
        assertThat(notice.get("apns").get("payload").get("aps").get("content-available").getIntValue()).isEqualTo(1);

        String second = bundles.version("VR04", "nl");
        point("Kerk Lettele", 52.2950, 6.2800, pointManager);
        awaitNewVersion(second);
        assertThat(notifier.notifyIfChanged("VR04")).as("too soon after the last notice").isZero();

        Sql.execute(dataSource, "UPDATE push_bundle_notice SET notified_at = "
                + Sql.utc(Instant.now().minus(7, ChronoUnit.HOURS)) + " WHERE region = 'VR04'");
        assertThat(notifier.notifyIfChanged("VR04")).isEqualTo(1);
        assertThat(notifier.notifyIfChanged("VR04")).as("nothing changed since").isZero();
    }

    private void awaitNewVersion(String before) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (bundles.version("VR04", "nl").equals(before) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(bundles.version("VR04", "nl")).isNotEqualTo(before);
    }

    private void point(String name, double lat, double lon, String token) {
        Http.Response created = http.post("/api/v1/admin/points", """
                {"name":"%s","type":"community-centre","latitude":%s,"longitude":%s,"facilities":["information"],"status":"standby"}
                """.formatted(name, lat, lon), token);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private void device(String token, String area) {
        Http.Response registered = http.post("/api/v1/devices", "", null);
        String id = registered.json().get("deviceId").getStringValue();
        String secret = registered.json().get("deviceSecret").getStringValue();
        http.send("PUT", "/api/v1/devices/" + id, """
                {"pushToken":"%s","platform":"android","locale":"nl","areas":["%s"],"testAlerts":false}""".formatted(token, area),
                "X-Device-Secret", secret);
    }

    private static String text(JsonNode node) {
        return node == null ? null : node.getStringValue();
    }
}
