package nl.paraat.alert;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.paraat.auth.AuthFixtures;
import nl.paraat.auth.OrganisationKind;
import nl.paraat.auth.Role;
import nl.paraat.testing.Http;
import nl.paraat.testing.JsonNodes;
import nl.paraat.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static nl.paraat.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What CAP allows is valid CAP, also where Paraat does not serve it: the answer says which of the
 * two refuses a message, and a dry run's verdict is the import's.
 */
@MicronautTest(transactional = false)
class CapWhatParaatServesTest extends CapTestSupport {

    private static final String DEVENTER_SQUARE = "52.24,6.14 52.24,6.18 52.27,6.18 52.27,6.14 52.24,6.14";
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:30:00Z"));

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ack", "Error"})
    void acknowledgementsAndErrorMessagesAreValidCapThatParaatDoesNotImport(String msgType) {
        String xml = CapSamples.deventer(unique(), msgType,
                "<references>lms@vr04.example,earlier,2026-11-25T11:00:00+01:00</references>", DEVENTER_SQUARE);
        int before = stored();

        JsonNode dryRun = dryRun(xml);
        Http.Response imported = importCap(xml);

        assertThat(dryRun.get("capValid").getBooleanValue()).as(dryRun.toString()).isTrue();
        assertThat(dryRun.get("paraatValid").getBooleanValue()).isFalse();
        JsonNode refusal = dryRun.get("paraatErrors").get(0);
        assertThat(refusal.get("field").getStringValue()).isEqualTo("/alert/msgType");
        assertThat(refusal.get("message").getStringValue()).contains("does not accept " + msgType).doesNotContain("not a CAP");
        JsonNode problem = assertProblem(imported, 400);
        assertThat(JsonNodes.stream(problem.get("errors")).map(e -> e.get("field").getStringValue()).toList())
                .containsExactly("/alert/msgType");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aCircleOfRadiusZeroIsTheEpicentreAndReachesTheCellItLiesIn() {
        String xml = CapSamples.deventer(unique()).replace("<polygon>" + DEVENTER_SQUARE + "</polygon>",
                "<circle>52.255,6.16 0</circle>");

        JsonNode dryRun = dryRun(xml);
        Http.Response imported = importCap(xml);

        assertThat(dryRun.get("capValid").getBooleanValue()).as(dryRun.toString()).isTrue();
        assertThat(dryRun.get("paraatValid").getBooleanValue()).isTrue();
        assertThat(dryRun.get("areaAllowed").getBooleanValue()).isTrue();
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("area").get("circles").get(0).getStringValue()).isEqualTo("52.255,6.16 0");
    }

    @Test
    void aCircleBeyondParaatsLimitIsValidCapRefusedByParaatsOwnRule() {
        String xml = CapSamples.deventer(unique()).replace("<polygon>" + DEVENTER_SQUARE + "</polygon>",
                "<circle>52.255,6.16 600</circle>");
        int before = stored();

        JsonNode dryRun = dryRun(xml);

        assertThat(dryRun.get("capValid").getBooleanValue()).as(dryRun.toString()).isTrue();
        assertThat(dryRun.get("capErrors").size()).isZero();
        assertThat(dryRun.get("areaAllowed").getBooleanValue()).isFalse();
        assertThat(JsonNodes.stream(dryRun.get("areaErrors")).map(e -> e.get("message").getStringValue()).toList())
                .anySatisfy(message -> assertThat(message).contains("500 km"));
        assertProblem(importCap(xml), 400);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aMessageWithoutContentTypeIsRefusedAndNothingIsStored() {
        byte[] xml = CapSamples.deventer(unique()).getBytes(StandardCharsets.UTF_8);
        int before = stored();

        Http.Response imported = http.post(CAP, null, xml, issuer.token());
        Http.Response dryRun = http.post(CAP + "/validate", null, xml, issuer.token());

        assertThat(assertProblem(imported, 415).get("errors").get(0).get("field").getStringValue()).isEqualTo("Content-Type");
        assertProblem(dryRun, 415);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aThousandBrokenShapesGiveABoundedList() {
        String circles = "<circle>not a circle</circle>".repeat(1000);
        String xml = CapSamples.deventer(unique()).replace("<polygon>" + DEVENTER_SQUARE + "</polygon>", circles);

        JsonNode dryRun = dryRun(xml);
        JsonNode problem = assertProblem(importCap(xml), 400);

        assertThat(dryRun.get("capErrors").size()).isEqualTo(CapSchema.MAX_PROBLEMS + 1);
        assertThat(problem.get("errors").size()).isEqualTo(CapSchema.MAX_PROBLEMS + 1);
        assertThat(problem.get("errors").get(CapSchema.MAX_PROBLEMS).get("message").getStringValue()).contains("950 more");
    }

    @Test
    void identifiersAreUniquePerSenderSoAnotherOrganisationsIdentifierIsNeitherRefusedNorRevealed() {
        AuthFixtures.Member neighbour = AuthFixtures.organisationWithKey(context, OrganisationKind.SAFETY_REGION, List.of("VR04"),
                Role.ALERT_ISSUER);
        String identifier = unique();

        Http.Response ours = importCap(CapSamples.deventer(identifier));
        Http.Response theirs = http.post(CAP, "application/cap+xml", CapSamples.deventer(identifier).getBytes(StandardCharsets.UTF_8),
                neighbour.token());
        Http.Response oursAgain = importCap(CapSamples.deventer(identifier));

        assertThat(ours.status()).as(ours.body()).isEqualTo(201);
        assertThat(theirs.status()).as(theirs.body()).isEqualTo(201);
        assertThat(assertProblem(oursAgain, 409).get("errors").get(0).get("field").getStringValue()).isEqualTo("/alert/identifier");
    }

    @Test
    void blocksInLanguagesParaatDoesNotServeAreValidCapAndTheServedOnesAreImported() {
        String german = """
                  <info>
                    <language>de-DE</language>
                    <category>Infra</category>
                    <event>Stromausfall</event>
                    <urgency>Immediate</urgency>
                    <severity>Severe</severity>
                    <certainty>Observed</certainty>
                    <expires>2026-11-26T11:00:00+01:00</expires>
                    <headline>Stromausfall in Deventer</headline>
                    <description>In Deventer ist der Strom ausgefallen.</description>
                    <area><areaDesc>Deventer</areaDesc><geocode><valueName>NL-CBS</valueName><value>GM0150</value></geocode></area>
                  </info>
                </alert>""";
        String xml = CapSamples.deventer(unique()).replace("</alert>", german.strip());

        JsonNode dryRun = dryRun(xml);
        Http.Response imported = importCap(xml);

        assertThat(dryRun.get("paraatValid").getBooleanValue()).as(dryRun.toString()).isTrue();
        assertThat(dryRun.get("areaAllowed").getBooleanValue()).as(dryRun.toString()).isTrue();
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(JsonNodes.stream(imported.json().get("infos")).map(info -> info.get("language").getStringValue()).toList())
                .containsExactly("en", "nl");
    }
}
