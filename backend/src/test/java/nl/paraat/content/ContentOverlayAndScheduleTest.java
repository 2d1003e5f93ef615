package nl.paraat.content;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import nl.paraat.testing.Http;
import nl.paraat.testing.JsonNodes;
import nl.paraat.testing.MutableClock;
import nl.paraat.testing.ServerTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Regional overlays, language fallback and scheduled pages, on a fixture folder and a clock the test moves. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentOverlayAndScheduleTest extends ServerTestSupport implements TestPropertyProvider {

    private static final Instant START = Instant.parse("2026-11-25T12:00:00Z");
    private final MutableClock clock = new MutableClock(START);

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Override
    public Map<String, String> getProperties() {
        try {
            ContentFiles files = new ContentFiles(Files.createTempDirectory("content-overlay"));
            files.page("nl/page/shelter.md", "shelter", "page", "nl", "national", "Landelijk", "", "Landelijke tekst.\n")
                    .page("en/page/shelter.md", "shelter", "page", "en", "national", "National", "", "National text.\n")
                    .page("regions/VR04/nl/page/shelter.md", "shelter", "page", "nl", "[VR04]", "IJsselland", "", "Regio.\n")
                    .page("regions/GM0150/nl/page/shelter.md", "shelter", "page", "nl", "[GM0150]", "Deventer", "", "Gemeente.\n")
                    .page("regions/GM0150/en/page/shelter.md", "shelter", "page", "en", "[GM0150]", "Deventer EN", "", "Municipality.\n")
                    .page("nl/page/winter.md", "winter", "page", "nl", "national", "Winter", 
                            "publish_from: 2026-12-01T00:00:00+01:00\npublish_until: 2027-03-01T00:00:00+01:00", "Koud.\n")
                    .page("regions/VR04/nl/page/flood-drill.md", "flood-drill", "page", "nl", "[VR04]", "Oefening",
                            "publish_until: 2026-11-26T00:00:00+01:00", "Oefening morgen.\n")
                    .page("nl/page/hostile.md", "hostile", "page", "nl", "national", "Hostile", "",
                            "<script>alert('x')</script>\n\n<img src=x onerror=alert(1)>\n\n[click](javascript:alert(1))\n");
            return Map.of("paraat.content.path", files.root().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void resetClock() {
        clock.set(START);
    }

    @Test
    void municipalityThenSafetyRegionThenNational() {
        assertThat(title("/api/v1/content/shelter?region=GM0150&locale=nl")).isEqualTo("Deventer");
        assertThat(title("/api/v1/content/shelter?region=GM0193&locale=nl")).isEqualTo("IJsselland");
        assertThat(title("/api/v1/content/shelter?region=VR04&locale=nl")).isEqualTo("IJsselland");
        assertThat(title("/api/v1/content/shelter?region=GM0268&locale=nl")).isEqualTo("Landelijk");
        assertThat(title("/api/v1/content/shelter?locale=nl")).isEqualTo("Landelijk");
    }

    @Test
    void regionalPageWithoutTranslationIsPreferredAndFlaggedAsFallback() {
        JsonNode zwolle = http.get("/api/v1/content/shelter?region=GM0193&locale=en").json();
        JsonNode deventer = http.get("/api/v1/content/shelter?region=GM0150&locale=en").json();

        assertThat(zwolle.get("title").getStringValue()).isEqualTo("IJsselland");
        assertThat(zwolle.get("fallback").getBooleanValue()).isTrue();
        assertThat(deventer.get("title").getStringValue()).isEqualTo("Deventer EN");
        assertThat(deventer.get("fallback").getBooleanValue()).isFalse();
    }

    @Test
    void scheduledPagesAppearAndDisappearAtTheirTimes() {
        Http.Response before = http.get("/api/v1/content?region=GM0150");
        assertThat(ids(before)).contains("flood-drill").doesNotContain("winter");
        assertThat(http.get("/api/v1/content/winter").status()).isEqualTo(404);

        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        Http.Response during = http.get("/api/v1/content?region=GM0150");

        assertThat(ids(during)).contains("winter").doesNotContain("flood-drill");
        assertThat(http.get("/api/v1/content/winter").status()).isEqualTo(200);
        assertThat(http.get("/api/v1/content/flood-drill?region=GM0150").status()).isEqualTo(404);
        assertThat(during.headers().firstValue("ETag")).isNotEqualTo(before.headers().firstValue("ETag"));
        String stale = before.headers().firstValue("ETag").orElseThrow();
        assertThat(http.getWithHeader("/api/v1/content?region=GM0150", "If-None-Match", stale).status()).isEqualTo(200);

        clock.set(Instant.parse("2027-03-02T00:00:00Z"));
        assertThat(ids(http.get("/api/v1/content?region=GM0150"))).doesNotContain("winter");
    }

    @Test
    void hostileMarkdownIsRenderedHarmless() {
        String html = http.get("/api/v1/content/hostile").json().get("html").getStringValue();

        assertThat(html).doesNotContainPattern("(?i)<script").doesNotContainPattern("(?i)<img")
                .doesNotContainPattern("(?i)href=\"javascript:").contains("&lt;script&gt;");
    }

    private String title(String path) {
        Http.Response response = http.get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("title").getStringValue();
    }

    private static List<String> ids(Http.Response index) {
        return JsonNodes.stream(index.json().get("items")).map(item -> item.get("id").getStringValue()).toList();
    }
}
