package nl.paraat.push;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
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
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Topic mode: devices follow topics per municipality and language; one message per topic, FCM fans out. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PushTopicModeTest extends ServerTestSupport implements TestPropertyProvider {

    private FakeFcm fcm;

    @Inject
    PushDispatcher dispatcher;
    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        fcm = FakeFcm.startLocal();
        Map<String, String> properties = fcm.channelProperties();
        properties.put("paraat.push.poll-interval", "1h");
        properties.put("paraat.push.dispatch.start-on-publish", "false");
        properties.put("paraat.push.dispatch.mode", "topic");
        return properties;
    }

    @AfterAll
    void stop() {
        fcm.close();
    }

    @Test
    void subscriptionsFollowTheDeviceAndOneMessagePerTopicIsSent() throws InterruptedException {
        Sql.execute(dataSource, "DELETE FROM push_retry", "DELETE FROM push_chunk", "DELETE FROM push_job",
                "UPDATE push_dispatch SET dispatched_at = CURRENT_TIMESTAMP WHERE dispatched_at IS NULL");
        Http.Response registered = http.post("/api/v1/devices", "", null);
        String device = "/api/v1/devices/" + registered.json().get("deviceId").getStringValue();
        String secret = registered.json().get("deviceSecret").getStringValue();

        http.send("PUT", device, registration("topic-token", "en", "GM0150", true), "X-Device-Secret", secret);
        assertThat(fcm.topics().awaitTopicsOf(Map.of("topic-token", Set.of("paraat-gm0150-en", "paraat-test-gm0150-en")),
                Duration.ofSeconds(10))).containsEntry("topic-token", Set.of("paraat-gm0150-en", "paraat-test-gm0150-en"));

        http.send("PUT", device, registration("topic-token", "nl", "GM0268", false), "X-Device-Secret", secret);
        assertThat(fcm.topics().awaitTopicsOf(Map.of("topic-token", Set.of("paraat-gm0268-nl")), Duration.ofSeconds(10)))
                .containsEntry("topic-token", Set.of("paraat-gm0268-nl"));

        long alert = publish();
        int before = fcm.received().size();
        dispatcher.plan();
        PushTestAlerts.drain(dispatcher);

        Map<String, JsonNode> byTopic = fcm.received().subList(before, fcm.received().size()).stream()
                .collect(Collectors.toMap(m -> m.get("topic").getStringValue(), m -> m));
        assertThat(byTopic.keySet()).containsExactlyInAnyOrder("paraat-gm0150-nl", "paraat-gm0150-en", "paraat-gm0150-fy",
                "paraat-gm0150-ar", "paraat-gm0150-tr", "paraat-gm0150-pl", "paraat-gm0150-uk");
        assertThat(byTopic.get("paraat-gm0150-en").get("notification").get("title").getStringValue())
                .isEqualTo("Power cut in Deventer");
        assertThat(byTopic.get("paraat-gm0150-pl").get("notification").get("title").getStringValue())
                .isEqualTo("Stroomstoring in Deventer");
        JsonNode delivery = http.get("/api/v1/admin/alerts/" + alert + "/delivery", issuer.token()).json();
        assertThat(delivery.get("sent").getIntValue()).isEqualTo(7);
        assertThat(delivery.get("complete").getBooleanValue()).isTrue();
    }

    private AuthFixtures.Member issuer;

    private long publish() {
        issuer = AuthFixtures.organisationWithKey(context, OrganisationKind.MUNICIPALITY, List.of("GM0150"), Role.ALERT_ISSUER);
        String approver = AuthFixtures.keyFor(context, issuer.organisation(), Role.ALERT_APPROVER);
        String expires = Instant.now().plus(6, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        Http.Response draft = http.post("/api/v1/admin/alerts", """
                {"hazard":"power-outage","urgency":"Immediate","severity":"Severe","certainty":"Observed",
                 "expires":"%s","area":{"codes":["GM0150"]},
                 "infos":{"nl":{"headline":"Stroomstoring in Deventer","description":"De stroom is uitgevallen."},
                          "en":{"headline":"Power cut in Deventer","description":"The power is out."}}}
                """.formatted(expires), issuer.token());
        long id = draft.json().get("id").getLongValue();
        http.post("/api/v1/admin/alerts/" + id + "/submit", "", issuer.token());
        assertThat(http.post("/api/v1/admin/alerts/" + id + "/approve", "", approver).status()).isEqualTo(200);
        return id;
    }

    private static String registration(String token, String locale, String area, boolean testAlerts) {
        return "{\"pushToken\":\"" + token + "\",\"platform\":\"ios\",\"locale\":\"" + locale + "\",\"areas\":[\"" + area
                + "\"],\"testAlerts\":" + testAlerts + "}";
    }
}
