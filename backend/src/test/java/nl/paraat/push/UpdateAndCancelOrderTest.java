package nl.paraat.push;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.paraat.auth.AuthFixtures;
import nl.paraat.auth.OrganisationKind;
import nl.paraat.auth.Role;
import nl.paraat.testing.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A device never gets a message after the one that supersedes it: an Update still going out when its
 * Cancel is published stops, what it had not sent is not sent at all, and the Cancel follows. Also
 * when the instance sending the Update is stopped mid fan-out. The Cancel says so in its title and
 * does not ring.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpdateAndCancelOrderTest extends FakeFcmTestSupport {

    private static final int DEVICES = 120;
    private static final String ALERTS = "/api/v1/admin/alerts";

    @Inject
    PushDispatcher dispatcher;

    AuthFixtures.Member issuer;
    String approver;
    int receivedBefore;

    @Override
    Map<String, String> pushSettings() {
        return Map.of("paraat.push.poll-interval", "1h", "paraat.push.dispatch.start-on-publish", "false",
                "paraat.push.dispatch.chunk-size", "20", "paraat.push.dispatch.lease", "1s",
                "paraat.push.dispatch.workers", "1");
    }

    @BeforeEach
    void setUp() {
        PushTestAlerts.clear(dataSource);
        PushTestAlerts.devicesInDeventer(dataSource, "order", DEVICES);
        issuer = AuthFixtures.organisationWithKey(context, OrganisationKind.MUNICIPALITY, List.of("GM0150"), Role.ALERT_ISSUER);
        approver = AuthFixtures.keyFor(context, issuer.organisation(), Role.ALERT_APPROVER);
        receivedBefore = fcm.received().size();
    }

    @AfterEach
    void heal() {
        fcm.delayAnswers(0);
    }

    @Test
    void aCancelPublishedWhileItsUpdateGoesOutIsNeverOvertakenByIt() throws Exception {
        long original = approved(http.post(ALERTS, alert("Overstroming"), issuer.token()));
        PushTestAlerts.drain(dispatcher);
        long update = approved(http.post(ALERTS + "/" + original + "/update", alert("Overstroming erger"), issuer.token()));
        fcm.delayAnswers(40);
        Thread sending = new Thread(dispatcher::run);
        sending.start();
        awaitTitle("Overstroming erger", 10);

        long cancel = approved(http.post(ALERTS + "/" + update + "/cancel", "", issuer.token()));
        sending.join();
        fcm.delayAnswers(0);
        PushTestAlerts.drain(dispatcher);

        assertNeverOvertaken("Overstroming erger", "Ingetrokken: Overstroming erger");
        JsonNode updateDelivery = delivery(update);
        assertThat(updateDelivery.get("complete").getBooleanValue()).isTrue();
        assertThat(updateDelivery.get("sent").getIntValue()).as("the update stopped going out").isLessThan(DEVICES);
        assertThat(delivery(cancel).get("sent").getIntValue()).isEqualTo(DEVICES);
    }

    @Test
    void anUpdateWhoseInstanceStoppedMidFanOutIsNotResentAfterItsCancel() throws Exception {
        long original = approved(http.post(ALERTS, alert("Overstroming"), issuer.token()));
        PushTestAlerts.drain(dispatcher);
        Map<String, Object> other = PushTestAlerts.sameDatabaseAs(context);
        other.putAll(fcm.channelProperties());
        other.put("paraat.push.poll-interval", "50ms");
        other.put("paraat.push.dispatch.chunk-size", "20");
        other.put("paraat.push.dispatch.lease", "1s");
        other.put("paraat.push.dispatch.workers", "1");
        fcm.delayAnswers(40);
        long update;
        try (ApplicationContext stopped = ApplicationContext.run(other, "test")) {
            update = approved(http.post(ALERTS + "/" + original + "/update", alert("Overstroming erger"), issuer.token()));
            awaitTitle("Overstroming erger", 10);
            // Stopped while the update is on the wire.
        }
        long cancel = approved(http.post(ALERTS + "/" + update + "/cancel", "", issuer.token()));
        fcm.delayAnswers(0);
        Instant deadline = Instant.now().plusSeconds(20);
        while (!delivery(cancel).get("complete").getBooleanValue() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            dispatcher.run();
        }

        assertNeverOvertaken("Overstroming erger", "Ingetrokken: Overstroming erger");
        assertThat(delivery(cancel).get("sent").getIntValue()).isEqualTo(DEVICES);
    }

    @Test
    void aCancelSaysSoInTheDevicesLanguageAndDoesNotRing() {
        long original = approved(http.post(ALERTS, alert("Overstroming"), issuer.token()));
        approved(http.post(ALERTS + "/" + original + "/cancel", "", issuer.token()));
        PushTestAlerts.drain(dispatcher);

        JsonNode cancel = ours().stream().filter(message -> title(message).startsWith("Ingetrokken")).findFirst().orElseThrow();
        assertThat(title(cancel)).isEqualTo("Ingetrokken: Overstroming");
        assertThat(cancel.get("android").get("priority").getStringValue()).isEqualToIgnoringCase("normal");
        assertThat(cancel.get("apns").get("headers").get("apns-priority").getStringValue()).isEqualTo("5");
        assertThat(cancel.get("apns").get("payload").get("aps").get("sound")).isNull();
    }

    /** For every device, no message titled {@code earlier} after one titled {@code later}. */
    private void assertNeverOvertaken(String earlier, String later) {
        Map<String, List<String>> perDevice = new HashMap<>();
        for (JsonNode message : ours()) {
            perDevice.computeIfAbsent(message.get("token").getStringValue(), token -> new ArrayList<>()).add(title(message));
        }
        assertThat(perDevice).hasSize(DEVICES);
        perDevice.forEach((token, titles) -> {
            int cancelled = titles.indexOf(later);
            assertThat(cancelled).as("%s got the cancellation: %s", token, titles).isNotNegative();
            assertThat(titles.subList(cancelled, titles.size())).as("%s after the cancellation", token).doesNotContain(earlier);
            assertThat(titles.stream().filter(later::equals).count()).as("%s cancellations", token).isEqualTo(1);
        });
    }

    private void awaitTitle(String title, int atLeast) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (ours().stream().filter(message -> title.equals(title(message))).count() < atLeast
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
        }
    }

    private List<JsonNode> ours() {
        List<JsonNode> received = fcm.received();
        return received.subList(receivedBefore, received.size());
    }

    private static String title(JsonNode message) {
        return message.get("notification").get("title").getStringValue();
    }

    private long approved(Http.Response created) {
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").getLongValue();
        assertThat(http.post(ALERTS + "/" + id + "/submit", "", issuer.token()).status()).isEqualTo(200);
        Http.Response approved = http.post(ALERTS + "/" + id + "/approve", "", approver);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return id;
    }

    private JsonNode delivery(long alert) {
        return http.get(ALERTS + "/" + alert + "/delivery", issuer.token()).json();
    }

    private static String alert(String headline) {
        String expires = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        return """
                {"hazard":"flood","urgency":"Immediate","severity":"Extreme","certainty":"Observed","expires":"%s",
                 "area":{"codes":["GM0150"]},"infos":{"nl":{"headline":"%s","description":"Ga naar hoger gelegen gebied."}}}
                """.formatted(expires, headline);
    }
}
