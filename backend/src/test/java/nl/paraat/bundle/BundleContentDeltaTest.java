package nl.paraat.bundle;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import nl.paraat.auth.AuthFixtures;
import nl.paraat.auth.OrganisationKind;
import nl.paraat.auth.Role;
import nl.paraat.testing.ServerTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** After a content change is published (reload), the delta holds that page and nothing else. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BundleContentDeltaTest extends ServerTestSupport implements TestPropertyProvider {

    private Path folder;

    @Override
    public Map<String, String> getProperties() {
        try {
            folder = Files.createTempDirectory("bundle-content");
            Path source = Path.of("../content");
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path target = folder.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("paraat.content.path", folder.toString(), "paraat.bundle.recheck", "0s");
    }

    @Test
    void aChangedPageIsTheOnlyPageInTheDelta() throws Exception {
        String version = http.get("/api/v1/bundle?region=VR04&locale=nl").json().get("version").getStringValue();
        Path page = folder.resolve("nl/page/72-hours.md");
        Files.writeString(page, Files.readString(page) + "\nControleer uw noodpakket ook na een storing.\n");
        String editor = AuthFixtures.organisationWithKey(context, OrganisationKind.NATIONAL, List.of("NL"), Role.EDITOR).token();

        assertThat(http.post("/api/v1/admin/content/reload", "", editor).json().get("applied").getBooleanValue()).isTrue();
        JsonNode delta = http.get("/api/v1/bundle?region=VR04&locale=nl&since=" + version).json();

        assertThat(delta.get("full").getBooleanValue()).isFalse();
        assertThat(keys(delta.get("pages"))).containsExactly("72-hours");
        assertThat(delta.get("pages").get("72-hours").get("markdown").getStringValue()).contains("ook na een storing");
        assertThat(keys(delta.get("points"))).isEmpty();
        assertThat(keys(delta.get("checklists"))).isEmpty();
        assertThat(delta.get("removed").entries()).isEmpty();
        assertThat(delta.get("version").getStringValue()).isNotEqualTo(version);
    }

    private static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.entries().forEach(entry -> keys.add(entry.getKey()));
        return keys;
    }
}
