package nl.paraat.alert;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.paraat.audit.AuditEntry;
import nl.paraat.audit.AuditService;
import nl.paraat.auth.AuthFixtures;
import nl.paraat.auth.OrganisationKind;
import nl.paraat.auth.Role;
import nl.paraat.testing.Http;
import nl.paraat.testing.JsonNodes;
import nl.paraat.testing.MutableClock;
import nl.paraat.testing.ServerTestSupport;
import nl.paraat.testing.Sql;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static nl.paraat.testing.ProblemAssertions.assertFieldProblem;
import static nl.paraat.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** The alert workflow: four eyes, area authorisation, update and cancel chains, expiry, exercises, audit. */
@MicronautTest(transactional = false)
class AlertWorkflowTest extends ServerTestSupport {

    private static final String ALERTS = "/api/v1/admin/alerts";
    // One clock for every test instance: the Clock bean can be made again from an earlier instance on a background thread.
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));

    @Inject
    AuditService audit;
    @Inject
    DataSource dataSource;

    AuthFixtures.Member issuer;
    String approver;
    AuthFixtures.Member otherRegion;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-11-25T10:00:00Z"));
        // Residents' lists show every active alert of an area, so each test starts without any.
        context.getBean(AlertRepositories.Infos.class).deleteAll();
        context.getBean(AlertRepositories.Messages.class).deleteAll();
        issuer = AuthFixtures.organisationWithKey(context, OrganisationKind.SAFETY_REGION, List.of("VR04"),
                Role.ALERT_ISSUER, Role.ALERT_APPROVER);
        approver = AuthFixtures.keyFor(context, issuer.organisation(), Role.ALERT_APPROVER);
        otherRegion = AuthFixtures.organisationWithKey(context, OrganisationKind.SAFETY_REGION, List.of("VR08"),
                Role.ALERT_ISSUER, Role.ALERT_APPROVER);
    }

    @Test
    void authorCannotApproveNorCanAnotherOrganisationAndOnlyPublishingWritesTheOutbox() {
        long id = draft(AlertJson.powerOutage("[\"GM0150\"]"));
        assertThat(pushRequests(id)).isZero();
        assertThat(http.post(ALERTS + "/" + id + "/submit", "", issuer.token()).status()).isEqualTo(200);

        assertProblem(http.post(ALERTS + "/" + id + "/approve", "", issuer.token()), 403);
        assertProblem(http.post(ALERTS + "/" + id + "/approve", "", otherRegion.token()), 403);
        assertThat(pushRequests(id)).isZero();

        Http.Response approved = http.post(ALERTS + "/" + id + "/approve", "", approver);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("state").getStringValue()).isEqualTo("published");
        assertProblem(http.post(ALERTS + "/" + id + "/approve", "", approver), 409);
        assertThat(pushRequests(id, "Alert")).isEqualTo(1);
    }

    @Test
    void areaOutsideTheOrganisationIsRefusedNamingThePart() {
        assertFieldProblem(http.post(ALERTS, AlertJson.powerOutage("[\"GM0268\"]"), issuer.token()), 403, "area.codes");
        // a square around Nijmegen, outside IJsselland
        String nijmegen = "\"51.80,5.80 51.80,5.90 51.88,5.90 51.88,5.80 51.80,5.80\"";
        assertFieldProblem(http.post(ALERTS, AlertJson.withShapes("[" + nijmegen + "]", "[]"), issuer.token()), 403,
                "area.polygons[0]");
        String deventer = "\"52.24,6.14 52.24,6.18 52.27,6.18 52.27,6.14 52.24,6.14\"";
        Http.Response inside = http.post(ALERTS, AlertJson.withShapes("[" + deventer + "]", "[\"52.255,6.16 2\"]"), issuer.token());
        assertThat(inside.status()).as(inside.body()).isEqualTo(201);
        assertThat(inside.json().get("area").get("municipalities").get(0).getStringValue()).isEqualTo("GM0150");
    }

    @Test
    void malformedShapesAndTextsAreRejectedNamingTheField() {
        assertFieldProblem(http.post(ALERTS, AlertJson.withShapes("[\"52.24,6.14 52.24,6.18 52.27,6.18 52.27,6.14\"]", "[]"),
                issuer.token()), 400, "area.polygons[0]");
        assertFieldProblem(http.post(ALERTS, AlertJson.withShapes("[\"52.24,6.14 52.24,6.18 52.24,6.14\"]", "[]"),
                issuer.token()), 400, "area.polygons[0]");
        assertFieldProblem(http.post(ALERTS, AlertJson.withShapes(
                "[\"52.24,6.14 52.27,6.18 52.24,6.18 52.27,6.14 52.24,6.14\"]", "[]"), issuer.token()), 400, "area.polygons[0]");
        assertFieldProblem(http.post(ALERTS, AlertJson.withShapes("[]", "[\"52.25,6.16 -3\"]"), issuer.token()), 400,
                "area.circles[0]");
        assertFieldProblem(http.post(ALERTS, AlertJson.powerOutage("[\"GM0150\"]").replace("\"nl\"", "\"de\""),
                issuer.token()), 400, "infos.nl");
        assertFieldProblem(http.post(ALERTS, AlertJson.powerOutage("[\"GM0150\"]").replace("\"Severe\"", "\"Apocalyptic\""),
                issuer.token()), 400, "severity");
        assertFieldProblem(http.post(ALERTS, AlertJson.powerOutage("[\"GM0150\"]").replace("2026-11-26T10:00:00Z",
                "2026-11-24T10:00:00Z"), issuer.token()), 400, "expires");
        JsonNode problem = assertProblem(http.post(ALERTS, AlertJson.powerOutage("[\"GM0150\"]")
                .replace("Stroomstoring in Deventer", "x".repeat(141)), issuer.token()), 400);
        assertThat(problem.get("errors").get(0).get("field").getStringValue()).contains("headline");
    }

    @Test
    void publishedAlertShowsItsAreaAsGeoJson() {
        String deventer = "\"52.24,6.14 52.24,6.18 52.27,6.18 52.27,6.14 52.24,6.14\"";
        long id = publish(AlertJson.withShapes("[" + deventer + "]", "[\"52.255,6.16 2\"]")
                .replace("\"polygons\"", "\"codes\":[\"GM0150\"],\"polygons\""));

        JsonNode detail = http.get("/api/v1/alerts/" + id + "?locale=en").json();

        assertThat(detail.get("alert").get("headline").getStringValue()).isEqualTo("Power cut in Deventer");
        JsonNode area = detail.get("area");
        assertThat(area.get("type").getStringValue()).isEqualTo("GeometryCollection");
        assertThat(area.get("geometries").size()).isEqualTo(3);
        JsonNode polygon = area.get("geometries").get(1);
        assertThat(polygon.get("type").getStringValue()).isEqualTo("Polygon");
        assertThat(polygon.get("coordinates").get(0).get(0).get(0).getDoubleValue()).isEqualTo(6.14);
        assertThat(polygon.get("coordinates").get(0).get(0).get(1).getDoubleValue()).isEqualTo(52.24);
        assertProblem(http.get("/api/v1/alerts/" + draft(AlertJson.powerOutage("[\"GM0150\"]"))), 404);
    }

    @Test
    void missingEnglishIsAWarning() {
        Http.Response created = http.post(ALERTS, AlertJson.dutchOnly("[\"GM0150\"]"), issuer.token());

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("warnings").get(0).getStringValue()).contains("English");
    }

    @Test
    void updateReplacesAndCancelEndsWhatResidentsSee() {
        long original = publish(AlertJson.powerOutage("[\"GM0150\"]"));
        assertThat(headlines("GM0150")).containsExactly("Stroomstoring in Deventer");

        Http.Response update = http.post(ALERTS + "/" + original + "/update",
                AlertJson.powerOutage("[\"GM0150\"]").replace("Stroomstoring in Deventer", "Stroom deels terug"), issuer.token());
        assertThat(update.json().get("msgType").getStringValue()).isEqualTo("Update");
        long updated = update.json().get("id").getLongValue();
        approve(updated);

        assertThat(headlines("GM0150")).containsExactly("Stroom deels terug");
        assertThat(http.get(ALERTS + "/" + original, issuer.token()).json().get("state").getStringValue()).isEqualTo("superseded");

        Http.Response cancel = http.post(ALERTS + "/" + updated + "/cancel", "", issuer.token());
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(201);
        long cancelled = cancel.json().get("id").getLongValue();
        approve(cancelled);

        assertThat(headlines("GM0150")).isEmpty();
        assertThat(http.get(ALERTS + "/" + updated, issuer.token()).json().get("state").getStringValue()).isEqualTo("cancelled");
        assertThat(pushRequests(updated, "Update")).isEqualTo(1);
        assertThat(pushRequests(cancelled, "Cancel")).isEqualTo(1);
    }

    @Test
    void alertsExpireAtTheirTime() {
        long id = publish(AlertJson.powerOutage("[\"GM0150\"]"));
        assertThat(headlines("GM0150")).hasSize(1);

        clock.advance(Duration.ofHours(25));

        assertThat(headlines("GM0150")).isEmpty();
        context.getBean(AlertPublication.class).expire();
        assertThat(http.get(ALERTS + "/" + id, issuer.token()).json().get("state").getStringValue()).isEqualTo("expired");
        assertThat(audit.history("alert", Long.toString(id))).extracting(AuditEntry::action).contains("alert.expired");
    }

    @Test
    void exercisesAreOnlyShownToResidentsWhoOptIn() {
        long id = publish(AlertJson.powerOutage("[\"VR04\"]").replace("\"status\":\"Actual\"", "\"status\":\"Exercise\""));

        assertThat(headlines("GM0193")).isEmpty();
        JsonNode withTests = http.get("/api/v1/alerts?area=GM0193&includeTests=true").json();
        assertThat(withTests.get("alerts").size()).isEqualTo(1);
        assertThat(withTests.get("alerts").get(0).get("exercise").getBooleanValue()).isTrue();
        assertThat(withTests.get("alerts").get(0).get("id").getLongValue()).isEqualTo(id);
    }

    @Test
    void everyStepIsInTheHistory() {
        long id = publish(AlertJson.powerOutage("[\"GM0150\"]"));

        JsonNode history = http.get(ALERTS + "/" + id + "/history", issuer.token()).json();

        assertThat(JsonNodes.stream(history).map(entry -> entry.get("action").getStringValue()).toList())
                .containsExactly("alert.approved", "alert.submitted", "alert.drafted");
        assertThat(history.get(0).get("actor").getStringValue()).isNotEqualTo(history.get(2).get("actor").getStringValue());
    }

    @Test
    void residentsPollCheaplyAndReadTheirLanguage() {
        publish(AlertJson.powerOutage("[\"GM0150\"]"));

        Http.Response first = http.get("/api/v1/alerts?lat=52.2550&lon=6.1639&locale=en");
        assertThat(first.json().get("alerts").get(0).get("headline").getStringValue()).isEqualTo("Power cut in Deventer");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(http.getWithHeader("/api/v1/alerts?lat=52.2550&lon=6.1639&locale=en", "If-None-Match", etag).status())
                .isEqualTo(304);
        JsonNode frisian = http.get("/api/v1/alerts?area=GM0150&locale=fy").json().get("alerts").get(0);
        assertThat(frisian.get("locale").getStringValue()).isEqualTo("nl");
        assertThat(frisian.get("fallback").getBooleanValue()).isTrue();
        assertThat(frisian.get("links").get("riskPage").getStringValue()).startsWith("/api/v1/risks/power-outage");

        publish(AlertJson.powerOutage("[\"GM0150\"]").replace("Stroomstoring in Deventer", "Tweede melding"));
        assertThat(http.getWithHeader("/api/v1/alerts?lat=52.2550&lon=6.1639&locale=en", "If-None-Match", etag).status())
                .isEqualTo(200);
        assertThat(headlines("GM0268")).isEmpty();
    }

    /** The push requests in push's outbox for the message. */
    private long pushRequests(long alertId) {
        return Sql.number(dataSource, "SELECT COUNT(*) FROM push_dispatch WHERE alert_id = " + alertId);
    }

    /** Those of them that push the message as the given CAP message type. */
    private long pushRequests(long alertId, String msgType) {
        return Sql.number(dataSource, "SELECT COUNT(*) FROM push_dispatch WHERE alert_id = " + alertId
                + " AND request LIKE '%\"msgType\":\"" + msgType + "\"%'");
    }

    private long draft(String json) {
        Http.Response created = http.post(ALERTS, json, issuer.token());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").getLongValue();
    }

    private long publish(String json) {
        long id = draft(json);
        approve(id);
        return id;
    }

    private void approve(long id) {
        assertThat(http.post(ALERTS + "/" + id + "/submit", "", issuer.token()).status()).isEqualTo(200);
        Http.Response approved = http.post(ALERTS + "/" + id + "/approve", "", approver);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    }

    private List<String> headlines(String area) {
        return JsonNodes.stream(http.get("/api/v1/alerts?area=" + area + "&locale=nl").json().get("alerts"))
                .map(alert -> alert.get("headline").getStringValue()).toList();
    }
}
