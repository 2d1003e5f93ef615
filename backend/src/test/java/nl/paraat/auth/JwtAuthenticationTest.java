package nl.paraat.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.paraat.testing.Http;
import nl.paraat.testing.ServerTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static nl.paraat.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Identity-provider JWTs, checked against a JWKS served by a local HTTP server with a key pair made here. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JwtAuthenticationTest extends ServerTestSupport implements TestPropertyProvider {

    private static final String ISSUER = "https://idp.paraat.test/realms/authorities";

    private final RSAKey signingKey = generate("idp-key-1");
    private final RSAKey strangerKey = generate("idp-key-1");
    private HttpServer jwks;

    String organisation;

    @Override
    public Map<String, String> getProperties() {
        try {
            jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        byte[] body = new JWKSet(signingKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        jwks.start();
        return Map.of(
                "paraat.auth.oidc.jwks-url", "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks",
                "paraat.auth.oidc.issuer", ISSUER,
                "paraat.auth.oidc.audience", "paraat");
    }

    @AfterAll
    void stopJwks() {
        jwks.stop(0);
    }

    @BeforeEach
    void setUp() {
        organisation = AuthFixtures.organisationWithKey(context, OrganisationKind.MUNICIPALITY, List.of("GM0150"),
                Role.EDITOR).organisation();
    }

    @Test
    void tokenOfTheIdentityProviderAuthenticatesMemberWithRolesFromClaims() {
        String token = sign(signingKey, claims(organisation).claim("paraat_roles", List.of("alert-issuer", "admin", "superuser")));

        Http.Response response = http.get("/api/v1/admin/me", token);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode me = response.json();
        assertThat(me.get("actor").getStringValue()).isEqualTo("oidc:jdevries");
        assertThat(me.get("authenticatedBy").getStringValue()).isEqualTo("oidc");
        assertThat(me.get("organisation").get("code").getStringValue()).isEqualTo(organisation);
        assertThat(me.get("roles").values()).extracting(JsonNode::getStringValue)
                .containsExactlyInAnyOrder("alert-issuer", "admin");
    }

    @Test
    void theSubjectIsTheMemberRegisteredAtFirstSignInAndRefusedOnceRemoved() {
        String token = sign(signingKey, claims(organisation).claim("name", "Jan de Vries")
                .claim("paraat_roles", List.of("alert-issuer")));

        assertThat(http.get("/api/v1/admin/me", token).json().get("person").getStringValue()).isEqualTo("member:jdevries");
        assertThat(http.get("/api/v1/admin/me", token).status()).isEqualTo(200);
        List<MemberView> members = context.getBean(MemberService.class).list(organisation);
        assertThat(members).filteredOn(member -> member.subject().equals("jdevries")).singleElement()
                .satisfies(member -> assertThat(member.name()).isEqualTo("Jan de Vries"));

        context.getBean(MemberService.class).remove(organisation, "jdevries", "test");

        assertProblem(http.get("/api/v1/admin/me", token), 401);
    }

    @Test
    void aTokenAndAnApiKeyOfTheSameMemberAreOnePersonForFourEyes() {
        String token = sign(signingKey, claims(organisation).claim("paraat_roles", List.of("alert-issuer")));
        String expires = Instant.now().plusSeconds(3600).toString();
        Http.Response drafted = http.post("/api/v1/admin/alerts", """
                {"hazard":"power-outage","urgency":"Expected","severity":"Severe","certainty":"Observed",
                 "expires":"%s","area":{"codes":["GM0150"]},
                 "infos":{"nl":{"headline":"Stroomstoring","description":"De stroom is uitgevallen."}}}
                """.formatted(expires), token);
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        long id = drafted.json().get("id").getLongValue();
        assertThat(http.post("/api/v1/admin/alerts/" + id + "/submit", "", token).status()).isEqualTo(200);
        String sameMembersKey = context.getBean(ApiKeyService.class).create(organisation, "laptop",
                List.of(Role.ALERT_APPROVER), "jdevries", null, "test").key();

        assertProblem(http.post("/api/v1/admin/alerts/" + id + "/approve", "", sameMembersKey), 403);

        String colleague = AuthFixtures.keyFor(context, organisation, Role.ALERT_APPROVER);
        assertThat(http.post("/api/v1/admin/alerts/" + id + "/approve", "", colleague).status()).isEqualTo(200);
    }

    @Test
    void subjectsThatDifferOnlyInCaseAreTwoPeople() {
        MemberService members = context.getBean(MemberService.class);
        members.register(organisation, "alice", "Alice", "test");

        String upper = sign(signingKey, claims(organisation).subject("ALICE").claim("paraat_roles", List.of("alert-issuer")));

        assertThat(http.get("/api/v1/admin/me", upper).json().get("person").getStringValue()).isEqualTo("member:ALICE");
        assertThat(members.list(organisation)).extracting(MemberView::subject).contains("alice", "ALICE");
    }

    @Test
    void aSubjectLongerThanPersonsCanBeNamedIsRefusedNotAnError() {
        String longest = "s".repeat(128);
        String tooLong = "s".repeat(129);
        String admin = AuthFixtures.memberWithKey(context, organisation, Role.ADMIN).token();
        String path = "/api/v1/admin/organisations/" + organisation + "/members";

        assertThat(http.post(path, "{\"subject\":\"" + longest + "\",\"name\":\"Long\"}", admin).status()).isEqualTo(201);
        nl.paraat.testing.ProblemAssertions.assertFieldProblem(
                http.post(path, "{\"subject\":\"" + tooLong + "\",\"name\":\"Long\"}", admin), 400, "subject");
        assertProblem(http.get("/api/v1/admin/me", sign(signingKey, claims(organisation).subject(tooLong))), 401);
    }

    @Test
    void tokenGrantsOnlyItsOwnOrganisation() {
        String token = sign(signingKey, claims(organisation).claim("paraat_roles", List.of("admin")));
        String other = AuthFixtures.organisationWithKey(context, OrganisationKind.MUNICIPALITY, List.of("GM0268"),
                Role.ADMIN).organisation();

        assertThat(http.get("/api/v1/admin/organisations/" + organisation + "/api-keys", token).status()).isEqualTo(200);
        assertProblem(http.get("/api/v1/admin/organisations/" + other + "/api-keys", token), 403);
    }

    @Test
    void expiredWrongIssuerWrongAudienceOrForeignSignatureIsUnauthorized() {
        Instant past = Instant.now().minusSeconds(3600);
        assertProblem(http.get("/api/v1/admin/me", sign(signingKey, claims(organisation).expirationTime(Date.from(past)))), 401);
        assertProblem(http.get("/api/v1/admin/me", sign(signingKey, claims(organisation).issuer("https://evil.example"))), 401);
        assertProblem(http.get("/api/v1/admin/me", sign(signingKey, claims(organisation).audience("someone-else"))), 401);
        assertProblem(http.get("/api/v1/admin/me", sign(strangerKey, claims(organisation))), 401);
    }

    @Test
    void tokenForUnknownOrganisationIsUnauthorized() {
        assertProblem(http.get("/api/v1/admin/me", sign(signingKey, claims("no-such-organisation"))), 401);
    }

    private static JWTClaimsSet.Builder claims(String organisation) {
        return new JWTClaimsSet.Builder()
                .subject("jdevries")
                .issuer(ISSUER)
                .audience("paraat")
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .claim("paraat_org", organisation);
    }

    private static String sign(RSAKey key, JWTClaimsSet.Builder claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
