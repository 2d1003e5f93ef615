package nl.paraat.common;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.paraat.testing.Http;
import nl.paraat.testing.ServerTestSupport;
import org.junit.jupiter.api.Test;

import static nl.paraat.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
@Property(name = "paraat.rate-limit.public-writes-per-minute", value = "3")
class RateLimitTest extends ServerTestSupport {


    @Test
    void publicWritesBeyondTheBudgetOfAnAddressAreRefusedWithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            assertThat(http.post("/api/v1/regions", "{}", null).status()).isNotEqualTo(429);
        }

        Http.Response refused = http.post("/api/v1/regions", "{}", null);

        assertProblem(refused, 429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
        assertThat(http.get("/api/v1/regions").status()).isEqualTo(200);
        assertThat(http.post("/api/v1/admin/organisations/x/api-keys", "{}", null).status()).isEqualTo(401);
    }
}
