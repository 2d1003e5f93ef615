package nl.paraat.common;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.paraat.auth.AuthFixtures;
import nl.paraat.auth.OrganisationKind;
import nl.paraat.auth.Role;
import nl.paraat.testing.Http;
import nl.paraat.testing.ServerTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static nl.paraat.testing.ProblemAssertions.assertFieldProblem;
import static nl.paraat.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Every class of bad input gets a 4xx problem+json naming what is wrong, and stores nothing. */
@MicronautTest(transactional = false)
class ProblemResponsesTest extends ServerTestSupport {

    AuthFixtures.Member admin;
    String keysPath;

    @BeforeEach
    void setUp() {
        admin = AuthFixtures.organisationWithKey(context, OrganisationKind.SAFETY_REGION, List.of("VR08"), Role.ADMIN);
        keysPath = "/api/v1/admin/organisations/" + admin.organisation() + "/api-keys";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown enum value | {\"label\":\"x\",\"roles\":[\"admin\",\"superuser\"]} | roles",
            "string for array   | {\"label\":\"x\",\"roles\":\"admin\"}                | roles",
            "object for string  | {\"label\":{\"a\":1},\"roles\":[\"admin\"]}          | label",
            "missing fields     | {}                                                   | label",
            "blank label        | {\"label\":\"  \",\"roles\":[\"admin\"]}             | label",
            "empty roles        | {\"label\":\"x\",\"roles\":[]}                       | roles",
            "too long label     | {\"label\":\"" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\",\"roles\":[\"admin\"]} | label",
            "array for object   | [1,2]                                                | body",
            "null role          | {\"label\":\"x\",\"roles\":[null]}                   | roles"
    })
    void invalidBodyNamesTheFieldAndStoresNothing(String description, String body, String field) {
        int keysBefore = keyCount();

        JsonNode problem = assertFieldProblem(http.post(keysPath, body, admin.token()), 400, field);

        assertThat(problem.get("type").getStringValue()).isEqualTo("urn:paraat:problem:validation");
        assertThat(keyCount()).isEqualTo(keysBefore);
    }

    @Test
    void malformedJsonIsBadRequestWithPosition() {
        JsonNode problem = assertProblem(http.post(keysPath, "{\"label\": \"x\", ", admin.token()), 400);

        assertThat(problem.get("detail").getStringValue()).contains("line 1");
    }

    @Test
    void oversizedBodyIsRefused() {
        byte[] body = new byte[2 * 1024 * 1024];
        Arrays.fill(body, (byte) 'a');

        assertProblem(http.post(keysPath, "application/json", body, admin.token()), 413);
    }

    @Test
    void wrongMediaTypeIsRefused() {
        assertProblem(http.post(keysPath, "text/plain", "label=x".getBytes(StandardCharsets.UTF_8), admin.token()), 415);
    }

    @ParameterizedTest
    @CsvSource({"/no/such/route", "/api/v1/nothing-here", "/api/v1/regions/VR04/unknown"})
    void unknownRouteIsNotFound(String path) {
        assertProblem(http.get(path), 404);
    }

    @Test
    void wrongMethodIsNotAllowed() {
        assertProblem(http.delete("/api/v1/regions", null), 405);
    }

    @Test
    void organisationOtherThanTheCallersIsForbiddenEvenWhenItDoesNotExist() {
        assertProblem(http.get("/api/v1/admin/organisations/" + admin.organisation() + "-gone/api-keys", admin.token()), 403);
    }

    private int keyCount() {
        return http.get(keysPath, admin.token()).json().size();
    }
}
