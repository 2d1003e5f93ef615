package nl.paraat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import nl.paraat.auth.AuthFixtures;
import nl.paraat.auth.OrganisationKind;
import nl.paraat.auth.Role;
import nl.paraat.testing.Http;
import nl.paraat.testing.ServerTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code openapi/openapi.yaml} the true contract: every route the application serves is in the
 * file and every operation in the file is served, and real responses match the file's schemas.
 */
@MicronautTest(transactional = false)
class OpenApiContractTest extends ServerTestSupport {

    private static final String SPEC = "openapi/openapi.yaml";
    /** Served by Micronaut's management module rather than by Paraat's controllers. */
    private static final Set<String> MANAGEMENT = Set.of("GET /health", "GET /health/liveness",
            "GET /health/readiness", "GET /prometheus");
    private static final Set<String> DOCUMENTED_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Inject
    Router router;

    @Test
    void everyServedRouteIsDocumentedAndEveryDocumentedRouteIsServed() {
        Set<String> served = router.uriRoutes()
                .filter(route -> route.getDeclaringType().getPackageName().startsWith("nl.paraat"))
                // Micronaut answers HEAD for every GET route by itself
                .filter(route -> !route.getHttpMethod().name().equals("HEAD"))
                .map(OpenApiContractTest::operation)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> documented = documentedOperations();
        documented.removeAll(MANAGEMENT);

        assertThat(served).as("routes served by Paraat").isEqualTo(documented);
    }

    @Test
    void managementOperationsInTheFileAreServed() {
        for (String operation : MANAGEMENT) {
            String path = operation.substring(operation.indexOf(' ') + 1);
            assertThat(http.get(path).status()).as(operation).isEqualTo(200);
        }
    }

    @Test
    void responsesMatchTheSchemasInTheFile() throws IOException {
        AuthFixtures.Member admin = AuthFixtures.organisationWithKey(context, OrganisationKind.SAFETY_REGION,
                List.of("VR04"), Role.ADMIN, Role.EDITOR);
        String keys = "/api/v1/admin/organisations/" + admin.organisation() + "/api-keys";
        String keysTemplate = "/api/v1/admin/organisations/{code}/api-keys";

        assertMatches("/api/v1/regions", "get", http.get("/api/v1/regions"));
        assertMatches("/api/v1/regions/lookup", "get", http.get("/api/v1/regions/lookup?lat=52.2550&lon=6.1639"));
        assertMatches("/api/v1/regions/lookup", "get", http.get("/api/v1/regions/lookup?lat=48.85&lon=2.35"));
        assertMatches("/api/v1/regions/lookup", "get", http.get("/api/v1/regions/lookup?lat=x&lon=2.35"));
        assertMatches("/api/v1/admin/me", "get", http.get("/api/v1/admin/me", admin.token()));
        assertMatches("/api/v1/admin/me", "get", http.get("/api/v1/admin/me"));
        Http.Response created = http.post(keys, "{\"label\":\"contract\",\"roles\":[\"editor\"]}", admin.token());
        assertMatches(keysTemplate, "post", created);
        assertMatches(keysTemplate, "post", http.post(keys, "{\"label\":\"contract\",\"roles\":[\"nobody\"]}", admin.token()));
        assertMatches(keysTemplate, "get", http.get(keys, admin.token()));
        String keyId = created.json().get("id").getStringValue();
        assertMatches(keysTemplate + "/{keyId}", "delete", http.delete(keys + "/" + keyId, admin.token()));
        assertMatches(keysTemplate, "get", http.get(keys, admin.token()));
        assertMatches(keysTemplate + "/{keyId}", "delete", http.delete(keys + "/nope", admin.token()));
        assertMatches(keysTemplate, "post", http.post(keys, "{\"label\":\"mine\",\"roles\":[\"alert-approver\"],\"member\":\""
                + admin.subject() + "\"}", admin.token()));
        assertMatches(keysTemplate, "post", http.post(keys, "{\"label\":\"approver\",\"roles\":[\"alert-approver\"]}",
                admin.token()));
        String members = "/api/v1/admin/organisations/" + admin.organisation() + "/members";
        String membersTemplate = "/api/v1/admin/organisations/{code}/members";
        AuthFixtures.Member colleague = AuthFixtures.memberWithKey(context, admin.organisation(), Role.EDITOR);
        assertMatches(keysTemplate, "post", http.post(keys, "{\"label\":\"as colleague\",\"roles\":[\"editor\"],"
                + "\"member\":\"" + colleague.subject() + "\"}", admin.token()));
        assertMatches(membersTemplate, "post", http.post(members, "{\"subject\":\"mbakker\",\"name\":\"Maria Bakker\"}",
                admin.token()));
        assertMatches(membersTemplate, "post", http.post(members, "{\"subject\":\"mbakker\",\"name\":\"Maria Bakker\"}",
                admin.token()));
        assertMatches(membersTemplate, "post", http.post(members, "{\"subject\":\"with space\",\"name\":\"X\"}",
                admin.token()));
        assertMatches(membersTemplate + "/{subject}", "delete", http.delete(members + "/mbakker", admin.token()));
        assertMatches(membersTemplate + "/{subject}", "delete", http.delete(members + "/nobody", admin.token()));
        assertMatches(membersTemplate, "get", http.get(members, admin.token()));
        assertMatches(membersTemplate, "get", http.get(members, colleague.token()));
        assertMatches("/api/v1/admin/organisations/{code}/audit", "get",
                http.get("/api/v1/admin/organisations/" + admin.organisation() + "/audit", admin.token()));
        assertMatches("/api/v1/content", "get", http.get("/api/v1/content?locale=fy&region=GM0150"));
        assertMatches("/api/v1/bundle", "get", http.get("/api/v1/bundle?region=GM0150&locale=en"));
        assertMatches("/api/v1/bundle", "get", http.get("/api/v1/bundle?region=VR04&since=0123456789abcdef0123456789abcdef"));
        assertMatches("/api/v1/bundle", "get", http.get("/api/v1/bundle?region=GM9999"));
        assertMatches("/api/v1/keys", "get", http.get("/api/v1/keys"));
        assertMatches("/api/v1/checklists/{id}", "get", http.get("/api/v1/checklists/emergency-kit?locale=fy&region=GM0150"));
        assertMatches("/api/v1/checklists/{id}", "get", http.get("/api/v1/checklists/household-plan?locale=en"));
        assertMatches("/api/v1/checklists/{id}", "get", http.get("/api/v1/checklists/no-such-list"));
        assertMatches("/api/v1/kit/calculate", "post", http.post("/api/v1/kit/calculate?region=GM0150",
                "{\"adults\":2,\"infants\":1,\"pets\":{\"dog\":1},\"needs\":[\"insulin\"]}", null));
        assertMatches("/api/v1/kit/calculate", "post", http.post("/api/v1/kit/calculate", "{\"pets\":{\"hamster\":1}}", null));
        assertMatches("/api/v1/content", "get", http.get("/api/v1/content?kind=leaflet"));
        assertMatches("/api/v1/content/{id}", "get", http.get("/api/v1/content/emergency-kit?locale=en"));
        assertMatches("/api/v1/content/{id}", "get", http.get("/api/v1/content/resilience-points?region=GM0150&locale=en"));
        assertMatches("/api/v1/content/{id}", "get", http.get("/api/v1/content/no-such-page"));
        String etag = http.get("/api/v1/content/flood").headers().firstValue("ETag").orElseThrow();
        assertMatches("/api/v1/content/{id}", "get", http.getWithHeader("/api/v1/content/flood", "If-None-Match", etag));
        assertMatches("/api/v1/risks", "get", http.get("/api/v1/risks?region=VR04"));
        assertMatches("/api/v1/risks/{hazard}", "get", http.get("/api/v1/risks/flood?locale=en"));
        assertMatches("/api/v1/risks/{hazard}", "get", http.get("/api/v1/risks/meteor"));
        AuthFixtures.Member editor = AuthFixtures.organisationWithKey(context, OrganisationKind.NATIONAL, List.of("NL"),
                Role.EDITOR);
        assertMatches("/api/v1/admin/content/reload", "post", http.post("/api/v1/admin/content/reload", "", editor.token()));
        assertMatches("/api/v1/admin/content/reload", "post", http.post("/api/v1/admin/content/reload", "", admin.token()));
        AuthFixtures.Member manager = AuthFixtures.organisationWithKey(context, OrganisationKind.MUNICIPALITY,
                List.of("GM0150"), Role.POINT_MANAGER);
        String points = "/api/v1/admin/points";
        Http.Response point = http.post(points, "{\"name\":\"Kazerne\",\"type\":\"fire-station\",\"latitude\":52.2553,"
                + "\"longitude\":6.1790,\"facilities\":[\"information\"]}", manager.token());
        assertMatches(points, "post", point);
        assertMatches(points, "post", http.post(points, "{\"name\":\"\",\"type\":\"x\"}", manager.token()));
        long pointId = point.json().get("id").getLongValue();
        assertMatches(points + "/{id}", "get", http.get(points + "/" + pointId, manager.token()));
        assertMatches(points + "/{id}", "patch", http.patch(points + "/" + pointId, "{\"capacity\":50}", manager.token()));
        assertMatches(points + "/{id}", "put", http.put(points + "/" + pointId, "{\"name\":\"Kazerne\",\"type\":\"fire-station\","
                + "\"latitude\":52.2553,\"longitude\":6.1790,\"status\":\"standby\"}", manager.token()));
        assertMatches(points + "/{id}/history", "get", http.get(points + "/" + pointId + "/history", manager.token()));
        assertMatches(points + "/import", "post", http.post(points + "/import", "text/csv",
                "externalId,name,type,latitude,longitude\nc1,Bieb,library,52.2510,6.1600\n".getBytes(), manager.token()));
        assertMatches(points + "/import", "post", http.post(points + "/import", "text/csv",
                "externalId,name,type,latitude,longitude\nc1,Bieb,castle,52.2510,6.1600\n".getBytes(), manager.token()));
        assertMatches(points + "/activate", "post", http.post(points + "/activate", "{\"status\":\"active\"}", manager.token()));
        assertMatches("/api/v1/points/nearest", "get", http.get("/api/v1/points/nearest?lat=52.255&lon=6.16&facility=information"));
        assertMatches("/api/v1/points/nearest", "get", http.get("/api/v1/points/nearest?lat=52.255&lon=6.16&limit=0"));
        assertMatches("/api/v1/points/{id}", "get", http.get("/api/v1/points/" + pointId));
        assertMatches("/api/v1/points", "get", http.get("/api/v1/points?region=GM0150"));
        assertMatches("/api/v1/points", "get", http.get("/api/v1/points?region=GM0268"));
        assertMatches(points + "/{id}", "delete", http.delete(points + "/" + pointId, manager.token()));
        assertMatches("/api/v1/points/{id}", "get", http.get("/api/v1/points/" + pointId));
        assertAlertResponsesMatch();
        assertDeviceResponsesMatch();
        assertProgressResponsesMatch();
        assertMatches("/health", "get", http.get("/health"));
        assertMatches("/health/readiness", "get", http.get("/health/readiness"));
    }

    private void assertDeviceResponsesMatch() throws IOException {
        Http.Response registered = http.post("/api/v1/devices", "", null);
        assertMatches("/api/v1/devices", "post", registered);
        String device = "/api/v1/devices/" + registered.json().get("deviceId").getStringValue();
        String secret = registered.json().get("deviceSecret").getStringValue();
        String body = "{\"pushToken\":\"token\",\"platform\":\"ios\",\"locale\":\"nl\",\"areas\":[\"GM0150\"],"
                + "\"testAlerts\":false}";
        assertMatches("/api/v1/devices/{id}", "put", http.send("PUT", device, body, "X-Device-Secret", secret));
        assertMatches("/api/v1/devices/{id}", "put", http.send("PUT", device, body.replace("GM0150", "GM9999"),
                "X-Device-Secret", secret));
        assertMatches("/api/v1/devices/{id}", "get", http.send("GET", device, null, "X-Device-Secret", secret));
        assertMatches("/api/v1/devices/{id}", "get", http.send("GET", device, null, "X-Device-Secret", "wrong"));
        assertMatches("/api/v1/devices/{id}", "delete", http.send("DELETE", device, null, "X-Device-Secret", secret));
        assertMatches("/api/v1/devices/{id}", "get", http.send("GET", device, null, "X-Device-Secret", secret));
    }

    private void assertProgressResponsesMatch() throws IOException {
        Http.Response registered = http.post("/api/v1/devices", "", null);
        String progress = "/api/v1/devices/" + registered.json().get("deviceId").getStringValue() + "/progress";
        String secret = registered.json().get("deviceSecret").getStringValue();
        String template = "/api/v1/devices/{id}/progress";
        assertMatches(template, "get", http.send("GET", progress, null, "X-Device-Secret", secret));
        String body = "{\"municipality\":\"GM0150\",\"checklists\":{\"household-plan\":{\"done\":[\"meeting-place\"],"
                + "\"complete\":false}},\"needsHelp\":{\"optIn\":true,\"categories\":[\"mobility\"]}}";
        assertMatches(template, "put", http.send("PUT", progress, body, "X-Device-Secret", secret));
        assertMatches(template, "put", http.send("PUT", progress, body.replace("meeting-place", "nope"), "X-Device-Secret", secret));
        assertMatches(template, "get", http.send("GET", progress, null, "X-Device-Secret", secret));
        assertMatches(template, "get", http.send("GET", progress, null, "X-Device-Secret", "wrong"));
        for (int i = 0; i < 20; i++) {
            // enough households for published figures beside suppressed ones
            Http.Response household = http.post("/api/v1/devices", "", null);
            http.send("PUT", "/api/v1/devices/" + household.json().get("deviceId").getStringValue() + "/progress",
                    body.replace("false", i < 10 ? "true" : "false"), "X-Device-Secret",
                    household.json().get("deviceSecret").getStringValue());
        }
        String stats = "/api/v1/admin/stats/readiness";
        AuthFixtures.Member editor = AuthFixtures.organisationWithKey(context, OrganisationKind.SAFETY_REGION,
                List.of("VR04"), Role.EDITOR);
        assertMatches(stats, "get", http.get(stats + "?region=VR04", editor.token()));
        assertMatches(stats, "get", http.get(stats + "?region=GM0150", editor.token()));
        assertMatches(stats, "get", http.get(stats + "?region=VR01", editor.token()));
        assertMatches(stats, "get", http.get(stats + "?region=XX", editor.token()));
        assertMatches(stats, "get", http.get(stats + "?region=VR04"));
    }

    private void assertAlertResponsesMatch() throws IOException {
        AuthFixtures.Member issuer = AuthFixtures.organisationWithKey(context, OrganisationKind.MUNICIPALITY,
                List.of("GM0150"), Role.ALERT_ISSUER);
        String approver = AuthFixtures.keyFor(context, issuer.organisation(), Role.ALERT_APPROVER);
        String admin = "/api/v1/admin/alerts";
        String expires = java.time.Instant.now().plus(java.time.Duration.ofHours(6)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        String body = "{\"hazard\":\"power-outage\",\"urgency\":\"Expected\",\"severity\":\"Severe\",\"certainty\":\"Observed\","
                + "\"expires\":\"" + expires + "\",\"area\":{\"codes\":[\"GM0150\"]},"
                + "\"infos\":{\"nl\":{\"headline\":\"Stroomstoring\",\"description\":\"De stroom is uit.\"}}}";
        Http.Response draft = http.post(admin, body, issuer.token());
        assertMatches(admin, "post", draft);
        assertMatches(admin, "post", http.post(admin, body.replace("GM0150", "GM0268"), issuer.token()));
        assertMatches(admin, "post", http.post(admin, body.replace("Severe", "Awful"), issuer.token()));
        long id = draft.json().get("id").getLongValue();
        assertMatches(admin + "/{id}", "put", http.put(admin + "/" + id, body, issuer.token()));
        assertMatches(admin + "/{id}/submit", "post", http.post(admin + "/" + id + "/submit", "", issuer.token()));
        assertMatches(admin + "/{id}/reject", "post", http.post(admin + "/" + id + "/reject", "{\"note\":\"Typo\"}", approver));
        http.post(admin + "/" + id + "/submit", "", issuer.token());
        assertMatches(admin + "/{id}/approve", "post", http.post(admin + "/" + id + "/approve", "", issuer.token()));
        assertMatches(admin + "/{id}/approve", "post", http.post(admin + "/" + id + "/approve", "", approver));
        assertMatches(admin + "/{id}/approve", "post", http.post(admin + "/" + id + "/approve", "", approver));
        assertMatches(admin, "get", http.get(admin, issuer.token()));
        assertMatches(admin + "/{id}", "get", http.get(admin + "/" + id, issuer.token()));
        assertMatches(admin + "/{id}/history", "get", http.get(admin + "/" + id + "/history", issuer.token()));
        assertMatches(admin + "/{id}/delivery", "get", http.get(admin + "/" + id + "/delivery", issuer.token()));
        assertMatches(admin + "/{id}/delivery", "get", http.get(admin + "/99999999/delivery", issuer.token()));
        assertMatches("/api/v1/alerts", "get", http.get("/api/v1/alerts?area=GM0150&locale=en"));
        assertMatches("/api/v1/alerts", "get", http.get("/api/v1/alerts?area=XX"));
        assertMatches("/api/v1/alerts/{id}", "get", http.get("/api/v1/alerts/" + id));
        assertMatches("/api/v1/alerts/{id}", "get", http.get("/api/v1/alerts/99999999"));
        assertMatches("/api/v1/alerts/{id}.cap", "get", http.get("/api/v1/alerts/" + id + ".cap"));
        assertMatches("/api/v1/alerts/feed.atom", "get", http.get("/api/v1/alerts/feed.atom?area=GM0150"));
        Http.Response update = http.post(admin + "/" + id + "/update", body, issuer.token());
        assertMatches(admin + "/{id}/update", "post", update);
        assertMatches(admin + "/{id}/cancel", "post", http.post(admin + "/" + id + "/cancel", "", issuer.token()));
        assertMatches(admin + "/{id}/publish-immediately", "post",
                http.post(admin + "/" + update.json().get("id").getLongValue() + "/publish-immediately", "", issuer.token()));
        AuthFixtures.allowSinglePersonPublishing(context, issuer.organisation());
        String urgent = AuthFixtures.keyFor(context, issuer.organisation(), Role.ALERT_URGENT);
        Http.Response extreme = http.post(admin, body.replace("Severe", "Extreme").replace("Expected", "Immediate"),
                issuer.token());
        long alone = extreme.json().get("id").getLongValue();
        assertMatches(admin + "/{id}/publish-immediately", "post", http.post(admin + "/" + alone + "/publish-immediately", "", urgent));
        assertMatches(admin + "/{id}/review", "post", http.post(admin + "/" + alone + "/review", "", issuer.token()));
        assertMatches(admin + "/{id}/review", "post", http.post(admin + "/" + alone + "/review", "{\"note\":\"Right\"}", approver));
        assertMatches(admin + "/{id}/review", "post", http.post(admin + "/" + alone + "/review", "", approver));
        assertMatches(admin + "/{id}/review", "post", http.post(admin + "/99999999/review", "", approver));
        assertMatches(admin + "/templates", "get", http.get(admin + "/templates", issuer.token()));
        assertMatches(admin + "/from-template", "post", http.post(admin + "/from-template", "{\"template\":\"smoke\","
                + "\"values\":{\"place\":\"Deventer\"},\"expires\":\"" + expires + "\",\"area\":{\"codes\":[\"GM0150\"]}}",
                issuer.token()));
        byte[] cap = http.get("/api/v1/alerts/" + id + ".cap").body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertMatches(admin + "/cap/validate", "post", http.post(admin + "/cap/validate", "application/cap+xml", cap, issuer.token()));
        assertMatches(admin + "/cap", "post", http.post(admin + "/cap", "application/cap+xml", cap, issuer.token()));
        assertMatches(admin + "/cap", "post", http.post(admin + "/cap", "application/cap+xml", "<alert/>".getBytes(), issuer.token()));
    }

    private void assertMatches(String pathTemplate, String method, Http.Response response) throws IOException {
        Map<String, Object> responses = operationSpec(pathTemplate, method);
        String status = Integer.toString(response.status());
        assertThat(responses).as("%s %s documents status %s", method, pathTemplate, status).containsKey(status);
        if (response.body() == null || response.body().isEmpty()) {
            return;
        }
        String mediaType = response.contentType().split(";")[0].trim();
        if (!mediaType.endsWith("json")) {
            assertThat(operationContentTypes(responses, status)).as("%s %s %s content type", method, pathTemplate, status)
                    .contains(mediaType);
            return;
        }
        String pointer = responsePointer(pathTemplate, method, status, responses) + "/content/" + escape(mediaType)
                + "/schema";
        JsonSchema schema = SCHEMAS.getSchema(SchemaLocation.of("https://paraat.test/openapi.yaml#" + pointer));
        Set<ValidationMessage> errors = schema.validate(response.body(), InputFormat.JSON);
        assertThat(errors).as("%s %s %s body %s", method, pathTemplate, status, response.body()).isEmpty();
    }

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix("https://paraat.test/", "classpath:openapi/")));

    @SuppressWarnings("unchecked")
    private static Set<String> operationContentTypes(Map<String, Object> responses, String status) {
        Map<String, Object> response = (Map<String, Object>) responses.get(status);
        if (response.containsKey("$ref")) {
            String name = response.get("$ref").toString().substring("#/components/responses/".length());
            response = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) spec().get("components"))
                    .get("responses")).get(name);
        }
        Map<String, Object> content = (Map<String, Object>) response.get("content");
        return content == null ? Set.of() : content.keySet();
    }

    /** Follows a shared response ({@code $ref: '#/components/responses/...'}), which is not a schema. */
    @SuppressWarnings("unchecked")
    private static String responsePointer(String pathTemplate, String method, String status, Map<String, Object> responses) {
        Map<String, Object> response = (Map<String, Object>) responses.get(status);
        Object ref = response.get("$ref");
        if (ref != null) {
            return ref.toString().substring(1);
        }
        return "/paths/" + escape(pathTemplate) + "/" + method + "/responses/" + status;
    }

    private static String escape(String pointerSegment) {
        return pointerSegment.replace("~", "~0").replace("/", "~1").replace("+", "%2B");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> operationSpec(String pathTemplate, String method) {
        Map<String, Object> paths = (Map<String, Object>) spec().get("paths");
        Map<String, Object> path = (Map<String, Object>) paths.get(pathTemplate);
        assertThat(path).as("path %s in %s", pathTemplate, SPEC).isNotNull();
        Map<String, Object> operation = (Map<String, Object>) path.get(method);
        assertThat(operation).as("%s %s in %s", method, pathTemplate, SPEC).isNotNull();
        return (Map<String, Object>) operation.get("responses");
    }

    @SuppressWarnings("unchecked")
    private static Set<String> documentedOperations() {
        Set<String> operations = new TreeSet<>();
        Map<String, Object> paths = (Map<String, Object>) spec().get("paths");
        paths.forEach((path, item) -> ((Map<String, Object>) item).keySet().stream()
                .filter(DOCUMENTED_METHODS::contains)
                .forEach(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        return operations;
    }

    private static String operation(UriRouteInfo<?, ?> route) {
        String template = route.getUriMatchTemplate().toPathString();
        int query = template.indexOf("{?");
        return route.getHttpMethod().name() + " " + (query < 0 ? template : template.substring(0, query));
    }

    private static Map<String, Object> spec() {
        try (InputStream in = OpenApiContractTest.class.getClassLoader().getResourceAsStream(SPEC)) {
            assertThat(in).as(SPEC + " on the classpath").isNotNull();
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
