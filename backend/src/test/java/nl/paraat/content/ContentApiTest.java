package nl.paraat.content;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.paraat.testing.Http;
import nl.paraat.testing.JsonNodes;
import nl.paraat.testing.ServerTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static nl.paraat.testing.ProblemAssertions.assertFieldProblem;
import static nl.paraat.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** The content API on the real content folder of the repository. */
@MicronautTest(transactional = false)
class ContentApiTest extends ServerTestSupport {

    @Test
    void indexListsNationalPagesInOrder() {
        JsonNode index = http.get("/api/v1/content?locale=nl").json();

        List<String> ids = JsonNodes.stream(index.get("items")).map(item -> item.get("id").getStringValue()).toList();
        assertThat(ids).startsWith("72-hours", "emergency-kit", "household-plan")
                .contains("power-outage", "military-threat", "emergency-numbers", "resilience-points");
        assertThat(index.get("version").getStringValue()).isNotBlank();
    }

    @Test
    void indexFiltersByKind() {
        JsonNode index = http.get("/api/v1/content?kind=risk").json();

        assertThat(index.get("items").size()).isEqualTo(12);
        assertThat(JsonNodes.stream(index.get("items"))).allSatisfy(item ->
                assertThat(item.get("kind").getStringValue()).isEqualTo("risk"));
    }

    @Test
    void pageIsServedAsMarkdownAndSanitisedHtml() {
        JsonNode page = http.get("/api/v1/content/emergency-kit?locale=nl").json();

        assertThat(page.get("kind").getStringValue()).isEqualTo("checklist");
        assertThat(page.get("markdown").getStringValue()).contains("3 liter");
        assertThat(page.get("html").getStringValue()).contains("<h2>").doesNotContain("<script");
        assertThat(page.get("fallback").getBooleanValue()).isFalse();
    }

    @Test
    void translationIsServedWhenItExists() {
        JsonNode page = http.get("/api/v1/content/emergency-kit?locale=fy").json();

        assertThat(page.get("locale").getStringValue()).isEqualTo("fy");
        assertThat(page.get("fallback").getBooleanValue()).isFalse();
    }

    @Test
    void missingTranslationFallsBackToDutchAndSaysSo() {
        JsonNode page = http.get("/api/v1/content/power-outage?locale=fy").json();

        assertThat(page.get("locale").getStringValue()).isEqualTo("nl");
        assertThat(page.get("fallback").getBooleanValue()).isTrue();
        JsonNode summary = JsonNodes.stream(http.get("/api/v1/content?locale=fy").json().get("items"))
                .filter(item -> item.get("id").getStringValue().equals("power-outage")).findFirst().orElseThrow();
        assertThat(summary.get("fallback").getBooleanValue()).isTrue();
    }

    @Test
    void acceptLanguageChoosesTheLocaleWhenNoParameterIsGiven() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.getURI() + "/api/v1/content/flood"))
                .header("Accept-Language", "de-DE, en-GB;q=0.8, nl;q=0.5").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"locale\":\"en\"");
        assertThat(response.headers().firstValue("Vary")).hasValueSatisfying(v -> assertThat(v).contains("Accept-Language"));
    }

    @Test
    void municipalityGetsItsOwnVersionOfAPage() {
        JsonNode deventer = http.get("/api/v1/content/resilience-points?region=GM0150&locale=nl").json();
        JsonNode zwolle = http.get("/api/v1/content/resilience-points?region=GM0193&locale=nl").json();

        assertThat(deventer.get("scope").get(0).getStringValue()).isEqualTo("GM0150");
        assertThat(zwolle.get("scope").get(0).getStringValue()).isEqualTo("national");
    }

    @Test
    void riskProfileFollowsTheSafetyRegionsOrder() {
        JsonNode ijsselland = http.get("/api/v1/risks?region=GM0150").json();
        JsonNode national = http.get("/api/v1/risks").json();

        assertThat(ijsselland.get("risks").get(0).get("hazard").getStringValue()).isEqualTo("flood");
        assertThat(national.get("risks").get(0).get("hazard").getStringValue()).isEqualTo("power-outage");
        assertThat(national.get("risks").size()).isEqualTo(12);
    }

    @Test
    void actionPerspectiveForOneHazard() {
        JsonNode risk = http.get("/api/v1/risks/drinking-water-outage?locale=en").json();

        assertThat(risk.get("kind").getStringValue()).isEqualTo("risk");
        assertThat(risk.get("html").getStringValue()).contains("<h2>Before</h2>").contains("<h2>During</h2>")
                .contains("<h2>After</h2>");
    }

    @Test
    void contactNumbersArePublished() {
        JsonNode contacts = http.get("/api/v1/content/emergency-numbers?locale=nl").json();

        assertThat(contacts.get("html").getStringValue()).contains("href=\"tel:112\"").contains("0900-8844");
    }

    @Test
    void unchangedResponseIsNotModified() {
        Http.Response first = http.get("/api/v1/content/storm");
        String etag = first.headers().firstValue("ETag").orElseThrow();

        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        assertThat(first.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("max-age"));
        assertThat(http.getWithHeader("/api/v1/content/storm", "If-None-Match", etag).status()).isEqualTo(304);
        assertThat(http.getWithHeader("/api/v1/content/storm", "If-None-Match", "\"other\"").status()).isEqualTo(200);
        assertThat(http.getWithHeader("/api/v1/content/storm?locale=en", "If-None-Match", etag).status()).isEqualTo(200);
        String indexTag = http.get("/api/v1/risks").headers().firstValue("ETag").orElseThrow();
        assertThat(http.getWithHeader("/api/v1/risks", "If-None-Match", indexTag).status()).isEqualTo(304);
    }

    @ParameterizedTest
    @CsvSource({
            "/api/v1/content?locale=xx, locale",
            "/api/v1/content?region=GM9999, region",
            "/api/v1/content?kind=leaflet, kind",
            "/api/v1/risks?region=NL, region",
            "/api/v1/content/flood?region=VR99, region"
    })
    void badParametersAreRejectedNamingTheField(String path, String field) {
        assertFieldProblem(http.get(path), 400, field);
    }

    @ParameterizedTest
    @CsvSource({"/api/v1/content/no-such-page", "/api/v1/risks/meteor-strike"})
    void unknownPageOrHazardIsNotFound(String path) {
        assertProblem(http.get(path), 404);
    }
}
