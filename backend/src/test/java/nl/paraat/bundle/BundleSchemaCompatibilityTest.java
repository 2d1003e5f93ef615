package nl.paraat.bundle;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.paraat.testing.ServerTestSupport;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An app written against schema version 1 reads only the fields it knows and ignores the rest, as
 * the schema tells apps to. Adding fields within version 1 must never break such an app.
 */
@MicronautTest(transactional = false)
class BundleSchemaCompatibilityTest extends ServerTestSupport {

    /** What an app built for schema version 1 reads. */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record AppBundleV1(int schemaVersion, String version, String region, String locale, boolean full,
                       Map<String, AppPageV1> pages, Map<String, Map<String, Object>> checklists,
                       Map<String, Map<String, Object>> points, Map<String, Map<String, Object>> keys) {
    }

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record AppPageV1(String id, String title, String markdown) {
    }

    @Test
    void anAppForSchemaVersionOneReadsTodaysBundle() throws Exception {
        AppBundleV1 bundle = json.readValue(http.get("/api/v1/bundle?region=GM0150").body(), AppBundleV1.class);

        assertThat(bundle.schemaVersion()).isEqualTo(1);
        assertThat(bundle.pages().get("power-outage").markdown()).isNotBlank();
        assertThat(bundle.checklists()).containsKey("emergency-kit");
        assertThat(bundle.keys()).isNotEmpty();
    }

    @Test
    void anAppForSchemaVersionOneKeepsWorkingWhenFieldsAreAdded() throws Exception {
        String today = http.get("/api/v1/bundle?region=GM0150").body();
        // A later server within schema version 1: new top-level fields, a new group, new fields in items.
        String later = today.replaceFirst("\\{", "{\"evacuationRoutes\":{\"r1\":{\"name\":\"A1\"}},\"ttlHours\":24,")
                .replace("\"markdown\":", "\"audioUrl\":\"https://example.org/a.mp3\",\"markdown\":");

        AppBundleV1 before = json.readValue(today, AppBundleV1.class);
        AppBundleV1 after = json.readValue(later, AppBundleV1.class);

        assertThat(later).contains("audioUrl").contains("evacuationRoutes");
        assertThat(after).isEqualTo(before);
    }
}
