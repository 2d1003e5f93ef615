package nl.paraat.common;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.paraat.testing.Http;
import nl.paraat.testing.ServerTestSupport;
import org.junit.jupiter.api.Test;

import static nl.paraat.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
@Property(name = "test.failing-route", value = "true")
class UnexpectedFailureTest extends ServerTestSupport {

    @Test
    void unexpectedErrorIsAGenericProblemWithoutInternals() {
        Http.Response response = http.get("/test/failing");

        assertProblem(response, 500);
        assertThat(response.body()).doesNotContain("secret-internal-detail").doesNotContain("IllegalStateException");
    }

    @Controller("/test/failing")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Requires(property = "test.failing-route", value = "true")
    static class FailingController {

        @Get
        String fail() {
            throw new IllegalStateException("secret-internal-detail");
        }
    }
}
