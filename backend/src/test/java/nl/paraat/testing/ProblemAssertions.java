package nl.paraat.testing;

import io.micronaut.json.tree.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

public final class ProblemAssertions {

    private ProblemAssertions() {
    }

    /** Asserts an RFC 9457 problem with the given status, and returns it. */
    public static JsonNode assertProblem(Http.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").getStringValue()).startsWith("urn:paraat:problem:");
        assertThat(problem.get("title").getStringValue()).isNotBlank();
        assertThat(problem.get("status").getIntValue()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        return problem;
    }

    /** Asserts a problem that names {@code field} among its errors. */
    public static JsonNode assertFieldProblem(Http.Response response, int status, String field) {
        JsonNode problem = assertProblem(response, status);
        assertThat(fields(problem)).as(response.body()).contains(field);
        return problem;
    }

    public static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        JsonNode errors = problem.get("errors");
        if (errors != null) {
            errors.values().forEach(error -> fields.add(error.get("field").getStringValue()));
        }
        return fields;
    }
}
