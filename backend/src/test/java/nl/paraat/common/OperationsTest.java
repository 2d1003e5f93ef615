package nl.paraat.common;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.graceful.GracefulShutdownConfiguration;
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
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class OperationsTest extends ServerTestSupport {


    @Test
    void healthIsUpAndChecksTheDatabase() {
        Http.Response anonymous = http.get("/health");
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().get("status").getStringValue()).isEqualTo("UP");

        String token = AuthFixtures.organisationWithKey(context, OrganisationKind.NATIONAL, List.of("NL"), Role.ADMIN).token();
        Http.Response detailed = http.get("/health", token);
        assertThat(detailed.json().get("details").get("jdbc").get("status").getStringValue()).isEqualTo("UP");
    }

    @Test
    void livenessAndReadinessAreServed() {
        assertThat(http.get("/health/liveness").status()).isEqualTo(200);
        Http.Response readiness = http.get("/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").getStringValue()).isEqualTo("UP");
    }

    @Test
    void prometheusMetricsCountRequests() {
        http.get("/api/v1/regions");

        Http.Response metrics = http.get("/prometheus");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds_count").contains("uri=\"/api/v1/regions\"")
                .contains("hikaricp_connections");
    }

    @Test
    void eachRequestIsLoggedWithItsLatency() {
        Logger logger = (Logger) LoggerFactory.getLogger("nl.paraat.request");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level previous = logger.getLevel();
        logger.setLevel(Level.INFO);
        logger.addAppender(appender);
        try {
            http.get("/api/v1/regions/lookup?lat=52.2550&lon=6.1639");
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(previous);
        }

        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).matches("GET /api/v1/regions/lookup 200 \\d+\\.\\dms"));
    }

    @Test
    void shutdownIsGraceful() {
        GracefulShutdownConfiguration configuration = context.getBean(GracefulShutdownConfiguration.class);

        assertThat(configuration.isEnabled()).isTrue();
        assertThat(configuration.getGracePeriod()).isEqualTo(Duration.ofSeconds(20));
    }
}
