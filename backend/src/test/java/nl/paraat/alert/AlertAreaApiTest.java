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
import nl.paraat.testing.ServerTestSupport;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static nl.paraat.testing.ProblemAssertions.assertFieldProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** The area rule through the real API: clipped to the sender's area, and never a 500 on the shipped outlines. */
@MicronautTest(transactional = false)
class AlertAreaApiTest extends ServerTestSupport {

    private static final String ALERTS = "/api/v1/admin/alerts";
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Test
    void aSpikeAcrossTheCountryIsClippedAndReachesOnlyTheSendersMunicipality() {
        AuthFixtures.Member deventer = AuthFixtures.organisationWithKey(context, OrganisationKind.MUNICIPALITY,
                List.of("GM0150"), Role.ALERT_ISSUER);
        String approver = AuthFixtures.keyFor(context, deventer.organisation(), Role.ALERT_APPROVER);
        // A box in Deventer with a hair-thin spike running to Amsterdam, past Zwolle's side of the map.
        String spike = "\"52.24,6.14 52.24,6.18 52.27,6.18 52.27,6.14 52.25501,6.14 52.3731,4.8926 52.255,6.14 52.24,6.14\"";
        Http.Response created = http.post(ALERTS, AlertJson.withShapes("[" + spike + "]", "[\"52.5,6.1 30\"]"), deventer.token());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").getLongValue();
        JsonNode area = created.json().get("area");
        assertThat(JsonNodes.stream(area.get("municipalities")).map(JsonNode::getStringValue)).containsExactly("GM0150");
        assertThat(JsonNodes.stream(created.json().get("warnings")).map(JsonNode::getStringValue))
                .anySatisfy(warning -> assertThat(warning).contains("area.polygons[0]").contains("area.circles[0]"));

        assertThat(http.post(ALERTS + "/" + id + "/submit", "", deventer.token()).status()).isEqualTo(200);
        assertThat(http.post(ALERTS + "/" + id + "/approve", "", approver).status()).isEqualTo(200);

        assertThat(ids("GM0150")).contains(id);
        assertThat(ids("GM0363")).doesNotContain(id);
        assertThat(ids("GM0193")).doesNotContain(id);
        String cap = http.get("/api/v1/alerts/" + id + ".cap").body();
        assertThat(cap).doesNotContain("52.3731,4.8926");
    }

    @Test
    void shapesTouchingTheRepairedOutlinesAreJudgedNotAServerError() {
        AuthFixtures.Member national = AuthFixtures.organisationWithKey(context, OrganisationKind.NATIONAL, List.of("NL"),
                Role.ALERT_ISSUER);
        Http.Response country = http.post(ALERTS, AlertJson.withShapes(
                "[\"50.6,3.2 50.6,7.3 53.7,7.3 53.7,3.2 50.6,3.2\"]", "[]"), national.token());
        assertThat(country.status()).as(country.body()).isEqualTo(201);
        assertThat(country.json().get("area").get("municipalities").size()).isEqualTo(342);

        AuthFixtures.Member zeeland = AuthFixtures.organisationWithKey(context, OrganisationKind.SAFETY_REGION,
                List.of("VR19"), Role.ALERT_ISSUER);
        Http.Response schouwen = http.post(ALERTS, AlertJson.withShapes("[]", "[\"51.70,3.90 12\"]"), zeeland.token());
        assertThat(schouwen.status()).as(schouwen.body()).isEqualTo(201);
        assertThat(JsonNodes.stream(schouwen.json().get("area").get("municipalities")).map(JsonNode::getStringValue))
                .contains("GM1676");

        AuthFixtures.Member gelderlandMidden = AuthFixtures.organisationWithKey(context, OrganisationKind.SAFETY_REGION,
                List.of("VR07"), Role.ALERT_ISSUER);
        Http.Response westervoort = http.post(ALERTS + "/cap/validate", "application/cap+xml",
                CapSamples.deventer("urn:test:westervoort", "Alert", "", "51.95,5.95 51.95,6.02 51.98,6.02 51.98,5.95 51.95,5.95")
                        .getBytes(StandardCharsets.UTF_8), gelderlandMidden.token());
        assertThat(westervoort.status()).as(westervoort.body()).isEqualTo(200);
        // Only the sample's own geocode (Deventer) is outside Gelderland-Midden; the polygon over Westervoort is judged fine.
        assertThat(JsonNodes.stream(westervoort.json().get("areaErrors")).map(error -> error.get("field").getStringValue()))
                .containsExactly("area.codes");

        assertFieldProblem(http.post(ALERTS, AlertJson.withShapes("[]", "[\"52.37,4.89 3\"]"), zeeland.token()), 403,
                "area.circles[0]");
    }

    private List<Long> ids(String area) {
        return JsonNodes.stream(http.get("/api/v1/alerts?area=" + area).json().get("alerts"))
                .map(alert -> alert.get("id").getLongValue()).toList();
    }
}
