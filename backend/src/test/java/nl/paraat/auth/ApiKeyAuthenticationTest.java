package nl.paraat.auth;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.paraat.audit.AuditEntry;
import nl.paraat.audit.AuditService;
import nl.paraat.testing.Http;
import nl.paraat.testing.ServerTestSupport;
import nl.paraat.testing.JsonNodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static nl.paraat.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class ApiKeyAuthenticationTest extends ServerTestSupport {

    @Inject
    AuditService audit;
    AuthFixtures.Member admin;

    @BeforeEach
    void setUp() {
        admin = AuthFixtures.organisationWithKey(context, OrganisationKind.SAFETY_REGION, List.of("VR04"),
                Role.ADMIN, Role.ALERT_ISSUER, Role.EDITOR, Role.POINT_MANAGER);
    }

    @Test
    void validKeyIdentifiesOrganisationAndRoles() {
        Http.Response response = http.get("/api/v1/admin/me", admin.token());

        assertThat(response.status()).isEqualTo(200);
        JsonNode me = response.json();
        assertThat(me.get("actor").getStringValue()).isEqualTo("api-key:" + admin.keyId());
        assertThat(me.get("authenticatedBy").getStringValue()).isEqualTo("api-key");
        assertThat(me.get("organisation").get("code").getStringValue()).isEqualTo(admin.organisation());
        assertThat(me.get("organisation").get("area").get(0).getStringValue()).isEqualTo("VR04");
        assertThat(me.get("roles").values()).extracting(JsonNode::getStringValue)
                .containsExactlyInAnyOrder("admin", "alert-issuer", "editor", "point-manager");
    }

    @Test
    void missingMalformedOrForgedKeysAreUnauthorized() {
        String forged = admin.token().substring(0, admin.token().length() - 4) + "AAAA";

        assertProblem(http.get("/api/v1/admin/me"), 401);
        assertProblem(http.get("/api/v1/admin/me", "not-a-key"), 401);
        assertProblem(http.get("/api/v1/admin/me", forged), 401);
        assertProblem(http.get("/api/v1/admin/me", "prt_0000000000000000_" + "x".repeat(43)), 401);
    }

    @Test
    void revokedKeyIsRefusedFromThenOn() {
        Http.Response created = http.post("/api/v1/admin/organisations/" + admin.organisation() + "/api-keys",
                "{\"label\":\"integration\",\"roles\":[\"editor\"]}", admin.token());
        assertThat(created.status()).isEqualTo(201);
        String keyId = created.json().get("id").getStringValue();
        String token = created.json().get("key").getStringValue();
        assertThat(http.get("/api/v1/admin/me", token).status()).isEqualTo(200);

        Http.Response revoked = http.delete("/api/v1/admin/organisations/" + admin.organisation() + "/api-keys/" + keyId,
                admin.token());

        assertThat(revoked.status()).isEqualTo(204);
        assertProblem(http.get("/api/v1/admin/me", token), 401);
        JsonNode listed = http.get("/api/v1/admin/organisations/" + admin.organisation() + "/api-keys", admin.token()).json();
        JsonNode entry = JsonNodes.stream(listed).filter(k -> k.get("id").getStringValue().equals(keyId)).findFirst().orElseThrow();
        assertThat(entry.get("revokedAt").isNull()).isFalse();
        assertThat(http.get("/api/v1/admin/organisations/" + admin.organisation() + "/api-keys", admin.token()).body())
                // the secret follows "prt_", the 16-character id and "_"; it may itself contain '_'
                .doesNotContain(token.substring("prt_".length() + 17));
    }

    @Test
    void keyOfOneOrganisationCannotManageAnother() {
        AuthFixtures.Member other = AuthFixtures.organisationWithKey(context, OrganisationKind.MUNICIPALITY,
                List.of("GM0268"), Role.ADMIN);

        assertProblem(http.get("/api/v1/admin/organisations/" + other.organisation() + "/api-keys", admin.token()), 403);
        assertProblem(http.post("/api/v1/admin/organisations/" + other.organisation() + "/api-keys",
                "{\"label\":\"takeover\",\"roles\":[\"admin\"]}", admin.token()), 403);
        assertProblem(http.delete("/api/v1/admin/organisations/" + other.organisation() + "/api-keys/" + other.keyId(),
                admin.token()), 403);
        assertThat(http.get("/api/v1/admin/me", other.token()).status()).isEqualTo(200);
    }

    @Test
    void memberWithoutAdminRoleCannotManageKeys() {
        Http.Response created = http.post("/api/v1/admin/organisations/" + admin.organisation() + "/api-keys",
                "{\"label\":\"editor only\",\"roles\":[\"editor\"]}", admin.token());
        String editorToken = created.json().get("key").getStringValue();

        assertProblem(http.post("/api/v1/admin/organisations/" + admin.organisation() + "/api-keys",
                "{\"label\":\"escalate\",\"roles\":[\"admin\"]}", editorToken), 403);
    }

    @Test
    void revokingAnotherOrganisationsKeyIdThroughOwnOrganisationIsNotFound() {
        AuthFixtures.Member other = AuthFixtures.organisationWithKey(context, OrganisationKind.MUNICIPALITY,
                List.of("GM0150"), Role.ADMIN);

        assertProblem(http.delete("/api/v1/admin/organisations/" + admin.organisation() + "/api-keys/" + other.keyId(),
                admin.token()), 404);
        assertThat(http.get("/api/v1/admin/me", other.token()).status()).isEqualTo(200);
    }

    @Test
    void everyKeyActionIsAudited() {
        Http.Response created = http.post("/api/v1/admin/organisations/" + admin.organisation() + "/api-keys",
                "{\"label\":\"audited\",\"roles\":[\"point-manager\"]}", admin.token());
        String keyId = created.json().get("id").getStringValue();
        http.delete("/api/v1/admin/organisations/" + admin.organisation() + "/api-keys/" + keyId, admin.token());

        List<AuditEntry> entries = audit.latest(admin.organisation(), 10);

        assertThat(entries).extracting(AuditEntry::action)
                .containsExactly("api-key.revoked", "api-key.created", "api-key.created", "member.registered",
                        "organisation.created");
        assertThat(entries.get(0).actor()).isEqualTo("api-key:" + admin.keyId());
        assertThat(entries.get(0).targetId()).isEqualTo(keyId);
        assertThat(entries.get(1).detail()).contains("point-manager");
        JsonNode viaApi = http.get("/api/v1/admin/organisations/" + admin.organisation() + "/audit?limit=2",
                admin.token()).json();
        assertThat(viaApi.size()).isEqualTo(2);
        assertThat(viaApi.get(0).get("action").getStringValue()).isEqualTo("api-key.revoked");
    }
}
