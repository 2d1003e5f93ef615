package nl.paraat.bundle;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.paraat.auth.AuthFixtures;
import nl.paraat.auth.OrganisationKind;
import nl.paraat.auth.Role;
import nl.paraat.testing.Http;
import nl.paraat.testing.ServerTestSupport;
import nl.paraat.testing.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The offline bundle over real HTTP: what it holds, its signature, ETags, and deltas. */
@MicronautTest(transactional = false)
@Property(name = "paraat.bundle.recheck", value = "0s")
class BundleApiTest extends ServerTestSupport {

    private static final String DEVENTER = "/api/v1/bundle?region=GM0150&locale=nl";

    @jakarta.inject.Inject
    DataSource dataSource;

    AuthFixtures.Member points;

    @BeforeEach
    void clean() {
        Sql.execute(dataSource, "DELETE FROM point_status_change", "DELETE FROM resilience_point",
                "UPDATE point_index_version SET version = version + 1");
        points = AuthFixtures.organisationWithKey(context, OrganisationKind.NATIONAL, List.of("NL"), Role.POINT_MANAGER);
    }

    @Test
    void theBundleHoldsTheRegionsContentChecklistsPointsOfItAndItsNeighboursAndActiveAlerts() throws Exception {
        long deventer = point("Brandweerkazerne Deventer", 52.2553, 6.1790);
        long enschede = point("Bibliotheek Enschede", 52.2215, 6.8937);   // Twente, a neighbouring safety region
        long rotterdam = point("Wijkcentrum Rotterdam", 51.9225, 4.4792); // far away
        long alert = publishAlert("GM0150");

        JsonNode bundle = awaitBundle(json -> json.get("alerts").get(Long.toString(alert)) != null);

        assertThat(bundle.get("schemaVersion").getIntValue()).isEqualTo(1);
        assertThat(bundle.get("full").getBooleanValue()).isTrue();
        assertThat(bundle.get("safetyRegion").getStringValue()).isEqualTo("VR04");
        assertThat(bundle.get("pages").get("resilience-points").get("title").getStringValue()).contains("Deventer");
        assertThat(bundle.get("pages").get("power-outage").get("markdown").getStringValue()).contains("## ");
        assertThat(bundle.get("pages").get("emergency-numbers")).isNotNull();
        JsonNode kit = bundle.get("checklists").get("emergency-kit").get("template");
        assertThat(text(kit)).contains("\"flood-bag\"").contains("\"person-day\"");
        assertThat(bundle.get("checklists").get("household-plan")).isNotNull();
        assertThat(keys(bundle.get("points"))).contains(Long.toString(deventer), Long.toString(enschede))
                .doesNotContain(Long.toString(rotterdam));
        JsonNode area = bundle.get("area").get("GM0150");
        assertThat(area.get("safetyRegion").get("code").getStringValue()).isEqualTo("VR04");
        assertThat(text(area.get("neighbours"))).contains("VR05");
        assertThat(text(area.get("municipalities"))).contains("GM0150").contains("Deventer");
        assertThat(area.get("boundary").get("type").getStringValue()).isIn("Polygon", "MultiPolygon");
        assertThat(bundle.get("keys").values().iterator().next().get("kty").getStringValue()).isEqualTo("EC");
        assertThat(bundle.get("parts").get("points").getStringValue()).hasSize(32);
    }

    @Test
    void theSignatureVerifiesWithAStandardJwsLibraryAndFailsAfterAnyChangedByte() throws Exception {
        HttpResponse<byte[]> response = raw(DEVENTER, null);
        byte[] body = response.body();
        String signature = response.headers().firstValue("Paraat-Signature").orElseThrow();
        JWKSet published = JWKSet.parse(http.get("/api/v1/keys").body());

        assertThat(verifies(signature, body, published)).isTrue();
        for (int position : new int[]{0, body.length / 2, body.length - 1}) {
            byte[] tampered = body.clone();
            tampered[position] ^= 1;
            assertThat(verifies(signature, tampered, published)).as("byte " + position).isFalse();
        }
    }

    @Test
    void publishedAlertsAreSignedLikeBundles() throws Exception {
        long alert = publishAlert("GM0150");
        JWKSet published = JWKSet.parse(http.get("/api/v1/keys").body());

        for (String path : new String[]{"/api/v1/alerts/" + alert, "/api/v1/alerts?area=GM0150"}) {
            HttpResponse<byte[]> response = raw(path, null);
            assertThat(response.statusCode()).isEqualTo(200);
            String signature = response.headers().firstValue("Paraat-Signature").orElseThrow();
            assertThat(verifies(signature, response.body(), published)).as(path).isTrue();
            byte[] forged = new String(response.body(), StandardCharsets.UTF_8).replace("Stroomstoring", "Alles veilig")
                    .getBytes(StandardCharsets.UTF_8);
            assertThat(verifies(signature, forged, published)).as(path).isFalse();
        }
    }

    @Test
    void anUnchangedBundleIsNotSentAgainAndIsSentCompressedWhenAskedFor() throws Exception {
        HttpResponse<byte[]> plain = raw(DEVENTER, null);
        String etag = plain.headers().firstValue("ETag").orElseThrow();

        assertThat(http.getWithHeader(DEVENTER, "If-None-Match", etag).status()).isEqualTo(304);
        HttpResponse<byte[]> compressed = raw(DEVENTER, "gzip");
        assertThat(compressed.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(compressed.headers().allValues("Vary").toString()).contains("Accept-Encoding");
        assertThat(new GZIPInputStream(new ByteArrayInputStream(compressed.body())).readAllBytes()).isEqualTo(plain.body());
        assertThat(compressed.body().length).isLessThan(plain.body().length / 2);
    }

    @Test
    void aDeltaHoldsOnlyWhatChangedOrWasRemovedSinceThePhonesVersion() throws Exception {
        long library = point("Bibliotheek Deventer", 52.2530, 6.1600);
        long hall = point("Dorpshuis Bathmen", 52.2480, 6.2870);
        String base = awaitBundle(json -> json.get("points").get(Long.toString(hall)) != null).get("version").getStringValue();

        http.patch("/api/v1/admin/points/" + library, "{\"status\":\"active\"}", points.token());
        http.delete("/api/v1/admin/points/" + hall, points.token());
        long alert = publishAlert("GM0150");
        JsonNode delta = awaitDelta(base, json -> json.get("alerts").get(Long.toString(alert)) != null
                && json.get("removed").get("points") != null);

        assertThat(delta.get("full").getBooleanValue()).isFalse();
        assertThat(delta.get("base").getStringValue()).isEqualTo(base);
        assertThat(keys(delta.get("points"))).containsExactly(Long.toString(library));
        assertThat(text(delta.get("points").get(Long.toString(library)))).contains("active");
        assertThat(strings(delta.get("removed").get("points"))).containsExactly(Long.toString(hall));
        assertThat(keys(delta.get("pages"))).isEmpty();
        assertThat(keys(delta.get("checklists"))).isEmpty();

        cancelAlert(alert);
        String withAlert = delta.get("version").getStringValue();
        JsonNode afterCancel = awaitDelta(withAlert, json -> json.get("removed").get("alerts") != null);
        assertThat(strings(afterCancel.get("removed").get("alerts"))).containsExactly(Long.toString(alert));
    }

    @Test
    void anUnknownOrTooOldBaseGetsTheFullBundle() throws Exception {
        JsonNode current = http.get(DEVENTER).json();
        String version = current.get("version").getStringValue();

        assertThat(http.get(DEVENTER + "&since=0123456789abcdef0123456789abcdef").json().get("full").getBooleanValue()).isTrue();
        point("Sporthal Colmschate", 52.2440, 6.2240);
        Sql.execute(dataSource, "UPDATE bundle_manifest SET created_at = "
                + Sql.utc(Instant.now().minus(40, ChronoUnit.DAYS)) + " WHERE version = '" + version + "'");
        JsonNode fromOld = awaitDelta(version, json -> true);
        assertThat(fromOld.get("full").getBooleanValue()).isTrue();
        assertThat(fromOld.get("version").getStringValue()).isNotEqualTo(version);
    }

    @Test
    void twoInstancesOnOneDatabaseServeTheSameVersionAndBytes() throws Exception {
        point("Stadhuis Deventer", 52.2510, 6.1590);
        Map<String, Object> sameDatabase = new java.util.HashMap<>();
        for (String property : new String[]{"url", "username", "password"}) {
            context.getProperty("datasources.default." + property, String.class)
                    .ifPresent(value -> sameDatabase.put("datasources.default." + property, value));
        }
        sameDatabase.put("micronaut.server.port", -1);
        sameDatabase.put("paraat.bundle.recheck", "0s");
        try (io.micronaut.runtime.server.EmbeddedServer other = io.micronaut.context.ApplicationContext.run(
                io.micronaut.runtime.server.EmbeddedServer.class, sameDatabase, "test")) {
            Thread.sleep(100);
            HttpResponse<byte[]> here = raw(DEVENTER, null);
            HttpResponse<byte[]> there = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + other.getPort() + DEVENTER)).build(), HttpResponse.BodyHandlers.ofByteArray());

            assertThat(there.headers().firstValue("ETag")).isEqualTo(here.headers().firstValue("ETag"));
            assertThat(there.body()).isEqualTo(here.body());
        }
    }

    @Test
    void anUnknownRegionIsRefusedNamingTheField() {
        Http.Response response = http.get("/api/v1/bundle?region=GM9999");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("\"region\"");
        assertThat(http.get("/api/v1/bundle?region=NL").status()).isEqualTo(400);
        assertThat(http.get("/api/v1/bundle?region=VR04&locale=de").status()).isEqualTo(400);
    }

    private static boolean verifies(String detached, byte[] body, JWKSet keys) throws Exception {
        JWSObject jws = JWSObject.parse(detached, new Payload(body));
        ECKey key = (ECKey) keys.getKeyByKeyId(jws.getHeader().getKeyID());
        return jws.verify(new ECDSAVerifier(key.toECPublicKey()));
    }

    private JsonNode awaitBundle(java.util.function.Predicate<JsonNode> ready) throws InterruptedException {
        return awaitDelta(null, ready);
    }

    private JsonNode awaitDelta(String base, java.util.function.Predicate<JsonNode> ready) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        JsonNode bundle;
        do {
            // the points index of this instance follows the database within its refresh interval
            bundle = http.get(DEVENTER + (base == null ? "" : "&since=" + base)).json();
            if (ready.test(bundle)) {
                return bundle;
            }
            Thread.sleep(100);
        } while (Instant.now().isBefore(deadline));
        return bundle;
    }

    private long point(String name, double lat, double lon) {
        Http.Response created = http.post("/api/v1/admin/points", """
                {"name":"%s","type":"community-centre","latitude":%s,"longitude":%s,"facilities":["information"],"status":"standby"}
                """.formatted(name, lat, lon), points.token());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").getLongValue();
    }

    private AuthFixtures.Member issuer;

    private long publishAlert(String area) {
        issuer = AuthFixtures.organisationWithKey(context, OrganisationKind.SAFETY_REGION, List.of("VR04"), Role.ALERT_ISSUER);
        String approver = AuthFixtures.keyFor(context, issuer.organisation(), Role.ALERT_APPROVER);
        String expires = Instant.now().plus(6, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        Http.Response draft = http.post("/api/v1/admin/alerts", """
                {"hazard":"power-outage","urgency":"Immediate","severity":"Severe","certainty":"Observed","expires":"%s",
                 "area":{"codes":["%s"]},"infos":{"nl":{"headline":"Stroomstoring","description":"De stroom is uitgevallen."}}}
                """.formatted(expires, area), issuer.token());
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        long id = draft.json().get("id").getLongValue();
        http.post("/api/v1/admin/alerts/" + id + "/submit", "", issuer.token());
        assertThat(http.post("/api/v1/admin/alerts/" + id + "/approve", "", approver).status()).isEqualTo(200);
        return id;
    }

    private void cancelAlert(long id) {
        Http.Response cancelled = http.post("/api/v1/admin/alerts/" + id + "/cancel", "", issuer.token());
        assertThat(cancelled.status()).as(cancelled.body()).isIn(200, 201);
        long cancellation = cancelled.json().get("id").getLongValue();
        if (cancellation != id) {
            http.post("/api/v1/admin/alerts/" + cancellation + "/submit", "", issuer.token());
            http.post("/api/v1/admin/alerts/" + cancellation + "/approve", "",
                    AuthFixtures.keyFor(context, issuer.organisation(), Role.ALERT_APPROVER));
        }
    }

    private HttpResponse<byte[]> raw(String path, String acceptEncoding) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private String text(JsonNode node) throws IOException {
        return json.writeValueAsString(node);
    }

    private static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.entries().forEach(entry -> keys.add(entry.getKey()));
        return keys;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.values().forEach(value -> values.add(value.getStringValue()));
        return values;
    }
}
