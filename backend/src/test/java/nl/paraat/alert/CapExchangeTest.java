package nl.paraat.alert;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.paraat.auth.AuthFixtures;
import nl.paraat.auth.OrganisationKind;
import nl.paraat.auth.Role;
import nl.paraat.common.Problem;
import nl.paraat.testing.Http;
import nl.paraat.testing.JsonNodes;
import nl.paraat.testing.MutableClock;
import nl.paraat.testing.ServerTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static nl.paraat.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** CAP 1.2 in and out: strict and safe import, a dry run, export that meets the schema, the round trip, Atom. */
@MicronautTest(transactional = false)
class CapExchangeTest extends ServerTestSupport {

    private static final String CAP = "/api/v1/admin/alerts/cap";
    // One clock for every test instance: the Clock bean can be made again from an earlier instance on a background thread.
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:30:00Z"));

    @Inject
    AlertRepositories.Messages messages;

    AuthFixtures.Member issuer;
    String approver;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @BeforeEach
    void setUp() {
        issuer = AuthFixtures.organisationWithKey(context, OrganisationKind.SAFETY_REGION, List.of("VR04"), Role.ALERT_ISSUER);
        approver = AuthFixtures.keyFor(context, issuer.organisation(), Role.ALERT_APPROVER);
    }

    @Test
    void validMessageBecomesADraftWithItsContent() {
        String identifier = unique();

        Http.Response imported = importCap(CapSamples.deventer(identifier));

        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        JsonNode alert = imported.json();
        assertThat(alert.get("identifier").getStringValue()).isEqualTo(identifier);
        assertThat(alert.get("state").getStringValue()).isEqualTo("draft");
        assertThat(alert.get("hazard").getStringValue()).isEqualTo("power-outage");
        assertThat(alert.get("area").get("codes").get(0).getStringValue()).isEqualTo("GM0150");
        assertThat(JsonNodes.stream(alert.get("infos")).map(info -> info.get("language").getStringValue()).toList())
                .containsExactly("en", "nl");
        assertProblem(importCap(CapSamples.deventer(identifier)), 409);
    }

    @Test
    void exportMeetsTheCapSchemaAndTheRoundTripGivesTheSameAlert() throws Exception {
        String original = CapSamples.deventer(unique());
        long id = importCap(original).json().get("id").getLongValue();
        publish(id);

        Http.Response exported = http.get("/api/v1/alerts/" + id + ".cap");

        assertThat(exported.status()).isEqualTo(200);
        assertThat(exported.contentType()).startsWith("application/cap+xml");
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(getClass().getResource("/cap/CAP-v1.2.xsd")).newValidator()
                .validate(new StreamSource(new StringReader(exported.body())));
        assertThat(request(exported.body())).isEqualTo(request(original));
        JsonNode dryRun = http.post(CAP + "/validate", "application/cap+xml",
                exported.body().getBytes(StandardCharsets.UTF_8), issuer.token()).json();
        assertThat(dryRun.get("capValid").getBooleanValue()).isTrue();
        assertThat(dryRun.get("paraatValid").getBooleanValue()).isTrue();
        assertThat(dryRun.get("areaAllowed").getBooleanValue()).isTrue();
    }

    @Test
    void updateThroughCapReplacesThePublishedMessage() {
        String first = unique();
        long id = importCap(CapSamples.deventer(first)).json().get("id").getLongValue();
        publish(id);

        Http.Response update = importCap(CapSamples.deventer(unique(), "Update",
                "<references>lms@vr04.example," + first + ",2026-11-25T11:00:00+01:00</references>",
                "52.24,6.14 52.24,6.18 52.27,6.18 52.27,6.14 52.24,6.14"));
        assertThat(update.status()).as(update.body()).isEqualTo(201);
        publish(update.json().get("id").getLongValue());

        assertThat(http.get("/api/v1/admin/alerts/" + id, issuer.token()).json().get("state").getStringValue())
                .isEqualTo("superseded");
        assertProblemAt(importCap(CapSamples.deventer(unique(), "Cancel",
                "<references>x,no-such-message,2026-11-25T11:00:00+01:00</references>",
                "52.24,6.14 52.24,6.18 52.27,6.18 52.27,6.14 52.24,6.14")), "/alert/references");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "wrong namespace   | urn:oasis:names:tc:emergency:cap:1.2 | urn:oasis:names:tc:emergency:cap:1.1 | /alert",
            "missing element   | <scope>Public</scope>                | ''                                   | /alert/info[1]",
            "bad enum value    | <urgency>Immediate</urgency>         | <urgency>Now</urgency>               | /alert/info[1]/urgency",
            "date with Z       | 2026-11-25T11:00:00+01:00</sent>     | 2026-11-25T10:00:00Z</sent>          | /alert/sent",
            "not a date        | 2026-11-26T11:00:00+01:00</expires>  | tomorrow</expires>                   | /alert/info[1]/expires",
            "open polygon      | 52.27,6.14 52.24,6.14</polygon>      | 52.27,6.14 52.25,6.14</polygon>      | /alert/info[1]/area[1]/polygon[1]",
            "too few points    | 52.24,6.18 52.27,6.18 52.27,6.14 52.24,6.14</polygon> | 52.27,6.14 52.24,6.14</polygon> | /alert/info[1]/area[1]/polygon[1]",
            "self-intersecting | 52.24,6.14 52.24,6.18 52.27,6.18 52.27,6.14 52.24,6.14</polygon> | 52.24,6.14 52.27,6.18 52.24,6.18 52.27,6.14 52.24,6.14</polygon> | /alert/info[1]/area[1]/polygon[1]",
            "bad sender        | <sender>lms@vr04.example</sender>    | <sender>lms vr04</sender>            | /alert/sender"
    })
    void invalidMessagesAreRefusedNamingTheElement(String description, String replace, String with, String path) {
        int before = messages.findByOrganisationOrderByIdDesc(issuer.organisation()).size();

        Http.Response response = importCap(CapSamples.deventer(unique()).replace(replace, with));

        assertProblemAt(response, path);
        assertThat(messages.findByOrganisationOrderByIdDesc(issuer.organisation())).hasSize(before);
    }

    @Test
    void xmlAttacksAreRefused() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE alert [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&secret;</identifier></alert>
                """;
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&lol4;</identifier></alert>
                """;
        String deep = "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">" + "<x>".repeat(5000) + "</x>".repeat(5000) + "</alert>";

        assertProblem(importCap(""), 400);
        for (String attack : List.of(xxe, laughs, deep, "<alert>not closed")) {
            Http.Response response = importCap(attack);
            JsonNode problem = assertProblem(response, 400);
            assertThat(problem.get("errors").get(0).get("field").getStringValue()).isEqualTo("/");
            assertThat(response.body()).doesNotContain("root:");
        }
    }

    @Test
    void dryRunReportsCapValiditySeparatelyFromParaatRulesAndAreaAndStoresNothing() {
        int before = messages.findByOrganisationOrderByIdDesc(issuer.organisation()).size();

        JsonNode foreign = http.post(CAP + "/validate", "application/cap+xml", CapSamples.GERMAN.getBytes(StandardCharsets.UTF_8),
                issuer.token()).json();
        assertThat(foreign.get("capValid").getBooleanValue()).isTrue();
        assertThat(foreign.get("paraatValid").getBooleanValue()).isFalse();
        assertThat(JsonNodes.stream(foreign.get("paraatErrors")).map(e -> e.get("message").getStringValue()).toList())
                .anySatisfy(message -> assertThat(message).contains("Dutch"));

        String elsewhere = CapSamples.deventer(unique()).replace("<value>GM0150</value>", "<value>GM0268</value>")
                .replace("52.24,6.14 52.24,6.18 52.27,6.18 52.27,6.14 52.24,6.14", "51.80,5.80 51.80,5.90 51.88,5.90 51.88,5.80 51.80,5.80");
        JsonNode outside = http.post(CAP + "/validate", "application/cap+xml", elsewhere.getBytes(StandardCharsets.UTF_8),
                issuer.token()).json();
        assertThat(outside.get("capValid").getBooleanValue()).isTrue();
        assertThat(outside.get("paraatValid").getBooleanValue()).isTrue();
        assertThat(outside.get("areaAllowed").getBooleanValue()).isFalse();
        assertThat(outside.get("areaErrors").size()).isGreaterThanOrEqualTo(1);

        JsonNode broken = http.post(CAP + "/validate", "application/cap+xml",
                CapSamples.deventer(unique()).replace("<urgency>Immediate</urgency>", "<urgency>Now</urgency>")
                        .getBytes(StandardCharsets.UTF_8), issuer.token()).json();
        assertThat(broken.get("capValid").getBooleanValue()).isFalse();
        assertThat(messages.findByOrganisationOrderByIdDesc(issuer.organisation())).hasSize(before);
    }

    @Test
    void atomFeedLinksActiveAlertsToTheirCap() {
        long id = importCap(CapSamples.deventer(unique())).json().get("id").getLongValue();
        publish(id);

        Http.Response feed = http.get("/api/v1/alerts/feed.atom?area=GM0150");

        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.contentType()).startsWith("application/atom+xml");
        assertThat(feed.body()).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"")
                .contains("/api/v1/alerts/" + id + ".cap").contains("Stroomstoring in Deventer");
        assertThat(http.get("/api/v1/alerts/feed.atom?area=GM0268").body()).doesNotContain(".cap\"");
    }

    private static AlertViews.AlertRequest request(String xml) throws Exception {
        List<Problem.FieldError> errors = new ArrayList<>();
        CapMessage message = CapReader.read(CapXml.parse(xml.getBytes(StandardCharsets.UTF_8))).message().orElseThrow();
        AlertViews.AlertRequest request = CapImport.convert(message, List.of("nl", "en", "fy"), errors).orElseThrow().request();
        assertThat(errors).isEmpty();
        return request;
    }

    private void publish(long id) {
        assertThat(http.post("/api/v1/admin/alerts/" + id + "/submit", "", issuer.token()).status()).isEqualTo(200);
        assertThat(http.post("/api/v1/admin/alerts/" + id + "/approve", "", approver).status()).isEqualTo(200);
    }

    private Http.Response importCap(String xml) {
        return http.post(CAP, "application/cap+xml", xml.getBytes(StandardCharsets.UTF_8), issuer.token());
    }

    private static void assertProblemAt(Http.Response response, String path) {
        JsonNode problem = assertProblem(response, 400);
        assertThat(JsonNodes.stream(problem.get("errors")).map(e -> e.get("field").getStringValue()).toList())
                .as(response.body()).contains(path);
    }

    private static String unique() {
        return "urn:oid:2.49.0.1.528.0." + UUID.randomUUID();
    }
}
