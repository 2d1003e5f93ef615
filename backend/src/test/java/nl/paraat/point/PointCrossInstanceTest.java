package nl.paraat.point;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.paraat.auth.AuthFixtures;
import nl.paraat.auth.OrganisationKind;
import nl.paraat.auth.Role;
import nl.paraat.testing.Http;
import nl.paraat.testing.ServerTestSupport;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Two instances on one database: a change made through one is served by the other within seconds. */
@MicronautTest(transactional = false)
@Property(name = "paraat.points.refresh-interval", value = "200ms")
class PointCrossInstanceTest extends ServerTestSupport {

    @Test
    void changeOnOneInstanceReachesTheOtherWithinSeconds() throws InterruptedException {
        PointTestData.clear(context);
        AuthFixtures.Member deventer = AuthFixtures.organisationWithKey(context, OrganisationKind.MUNICIPALITY,
                List.of("GM0150"), Role.POINT_MANAGER);
        Map<String, Object> sameDatabase = Map.of(
                "datasources.default.url", context.getRequiredProperty("datasources.default.url", String.class),
                "datasources.default.username", context.getRequiredProperty("datasources.default.username", String.class),
                "datasources.default.password", context.getProperty("datasources.default.password", String.class).orElse(""),
                "paraat.points.refresh-interval", "200ms",
                "micronaut.server.port", "-1");
        try (EmbeddedServer other = ApplicationContext.run(EmbeddedServer.class, sameDatabase, "test")) {
            Http otherHttp = new Http(other, json);
            String query = "/api/v1/points/nearest?lat=52.2550&lon=6.1639";
            assertThat(otherHttp.get(query).json().get("points").size()).isZero();

            Http.Response created = http.post("/api/v1/admin/points", PointTestData.json("Kazerne", "fire-station",
                    52.2553, 6.1790, "\"information\"", "standby", null), deventer.token());
            assertThat(created.status()).isEqualTo(201);
            long id = created.json().get("id").getLongValue();
            http.post("/api/v1/admin/points/activate", "{\"pointIds\":[" + id + "],\"status\":\"active\"}", deventer.token());

            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            int seen = 0;
            while (System.nanoTime() < deadline) {
                seen = otherHttp.get(query + "&status=active").json().get("points").size();
                if (seen == 1) {
                    break;
                }
                Thread.sleep(50);
            }
            assertThat(seen).as("the other instance serves the activated point").isEqualTo(1);
        }
    }
}
