package nl.paraat.content;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import nl.paraat.audit.AuditEntry;
import nl.paraat.audit.AuditService;
import nl.paraat.auth.AuthFixtures;
import nl.paraat.auth.OrganisationKind;
import nl.paraat.auth.Role;
import nl.paraat.testing.ServerTestSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static nl.paraat.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Reloading the folder while serving: a valid folder is swapped in, an invalid one changes nothing. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContentReloadTest extends ServerTestSupport implements TestPropertyProvider {

    private ContentFiles files;

    @Inject
    AuditService audit;

    @Override
    public Map<String, String> getProperties() {
        try {
            files = new ContentFiles(Files.createTempDirectory("content-reload"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.page("nl/page/notice.md", "notice", "page", "nl", "national", "Eerste versie", "", "Tekst.\n");
        return Map.of("paraat.content.path", files.root().toString());
    }

    @Test
    @Order(1)
    void onlyAnEditorMayReload() {
        AuthFixtures.Member admin = AuthFixtures.organisationWithKey(context, OrganisationKind.NATIONAL, List.of("NL"), Role.ADMIN);

        assertProblem(http.post("/api/v1/admin/content/reload", "", null), 401);
        assertProblem(http.post("/api/v1/admin/content/reload", "", admin.token()), 403);
    }

    @Test
    @Order(2)
    void validChangeIsServedAfterReload() {
        AuthFixtures.Member editor = editor();
        files.page("nl/page/notice.md", "notice", "page", "nl", "national", "Tweede versie", "", "Tekst.\n")
                .page("nl/page/extra.md", "extra", "page", "nl", "national", "Nieuw", "", "Meer.\n");

        JsonNode result = http.post("/api/v1/admin/content/reload", "", editor.token()).json();

        assertThat(result.get("applied").getBooleanValue()).isTrue();
        assertThat(result.get("pages").getIntValue()).isEqualTo(2);
        assertThat(http.get("/api/v1/content/notice").json().get("title").getStringValue()).isEqualTo("Tweede versie");
        assertThat(http.get("/api/v1/content/extra").status()).isEqualTo(200);
        assertThat(audit.latest(editor.organisation(), 5)).extracting(AuditEntry::action).contains("content.reloaded");
    }

    @Test
    @Order(3)
    void invalidFolderIsRefusedAndTheServedVersionKept() {
        AuthFixtures.Member editor = editor();
        String versionBefore = http.get("/api/v1/content").json().get("version").getStringValue();
        files.page("nl/page/notice.md", "notice", "page", "nl", "national", "Kapotte versie", "", "Zie [x](page:missing).\n")
                .delete("nl/page/extra.md");

        var response = http.post("/api/v1/admin/content/reload", "", editor.token());

        assertThat(response.status()).isEqualTo(422);
        JsonNode result = response.json();
        assertThat(result.get("applied").getBooleanValue()).isFalse();
        assertThat(result.get("version").getStringValue()).isEqualTo(versionBefore);
        assertThat(result.get("errors").get(0).get("file").getStringValue()).isEqualTo("nl/page/notice.md");
        assertThat(result.get("errors").get(0).get("line").getIntValue()).isEqualTo(10);
        assertThat(http.get("/api/v1/content/notice").json().get("title").getStringValue()).isEqualTo("Tweede versie");
        assertThat(http.get("/api/v1/content/extra").status()).isEqualTo(200);
        assertThat(audit.latest(editor.organisation(), 5)).extracting(AuditEntry::action).contains("content.reload-refused");
    }

    private AuthFixtures.Member editor() {
        return AuthFixtures.organisationWithKey(context, OrganisationKind.SAFETY_REGION, List.of("VR04"), Role.EDITOR);
    }
}
