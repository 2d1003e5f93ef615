package nl.paraat.point;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.paraat.auth.AuthFixtures;
import nl.paraat.auth.OrganisationKind;
import nl.paraat.auth.Role;
import nl.paraat.testing.Http;
import nl.paraat.testing.JsonNodes;
import nl.paraat.testing.ServerTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static nl.paraat.testing.ProblemAssertions.assertFieldProblem;
import static nl.paraat.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** What residents see of the points, and how a crisis activation reaches them. */
@MicronautTest(transactional = false)
class PointPublicApiTest extends ServerTestSupport {

    private static final String CSV = """
            externalId,name,type,latitude,longitude,facilities,status
            a,Bibliotheek,library,52.2510,6.1600,information;charging,standby
            b,Brandweerkazerne,fire-station,52.2553,6.1790,information;drinking-water;first-aid,standby
            c,Dorpshuis Bathmen,village-hall,52.2490,6.2880,information;drinking-water,standby
            d,Nieuw buurthuis,community-centre,52.2530,6.1620,information,planned
            e,Oude school,school,52.2540,6.1630,information,closed
            """;
    AuthFixtures.Member ijsselland;

    @BeforeEach
    void setUp() {
        PointTestData.clear(context);
        ijsselland = AuthFixtures.organisationWithKey(context, OrganisationKind.SAFETY_REGION, List.of("VR04"), Role.POINT_MANAGER);
        Http.Response imported = http.post("/api/v1/admin/points/import", "text/csv", CSV.getBytes(StandardCharsets.UTF_8),
                ijsselland.token());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    }

    @Test
    void nearestOrdersByDistanceWithBearingAndLeavesOutPlannedAndClosed() {
        JsonNode nearest = http.get("/api/v1/points/nearest?lat=52.2550&lon=6.1639").json();

        assertThat(nearest.get("source").getStringValue()).isEqualTo("index");
        assertThat(names(nearest)).containsExactly("Bibliotheek", "Brandweerkazerne", "Dorpshuis Bathmen");
        JsonNode first = nearest.get("points").get(0);
        assertThat(first.get("distanceMetres").getDoubleValue()).isBetween(400.0, 600.0);
        assertThat(first.get("bearingDegrees").getDoubleValue()).isBetween(180.0, 270.0);
    }

    @Test
    void filtersCombine() {
        assertThat(names(http.get("/api/v1/points/nearest?lat=52.2550&lon=6.1639&facility=drinking-water").json()))
                .containsExactly("Brandweerkazerne", "Dorpshuis Bathmen");
        assertThat(names(http.get("/api/v1/points/nearest?lat=52.2550&lon=6.1639&facility=drinking-water&facility=first-aid").json()))
                .containsExactly("Brandweerkazerne");
        assertThat(names(http.get("/api/v1/points/nearest?lat=52.2550&lon=6.1639&limit=1").json()))
                .containsExactly("Bibliotheek");
        assertThat(names(http.get("/api/v1/points/nearest?lat=52.2550&lon=6.1639&maxDistanceKm=2").json()))
                .containsExactly("Bibliotheek", "Brandweerkazerne");
        assertThat(names(http.get("/api/v1/points/nearest?lat=52.2550&lon=6.1639&status=closed").json()))
                .containsExactly("Oude school");
        assertThat(names(http.get("/api/v1/points/nearest?lat=52.2550&lon=6.1639&facility=backup-power").json())).isEmpty();
    }

    @Test
    void crisisActivationIsVisibleToResidentsAtOnceAndCanBeUndone() {
        assertThat(names(http.get("/api/v1/points/nearest?lat=52.2550&lon=6.1639&status=active").json())).isEmpty();

        Http.Response activated = http.post("/api/v1/admin/points/activate",
                "{\"area\":\"GM0150\",\"status\":\"active\",\"note\":\"Langdurige stroomstoring\"}", ijsselland.token());

        assertThat(activated.status()).as(activated.body()).isEqualTo(200);
        assertThat(activated.json().get("changed").getIntValue()).isEqualTo(3);
        JsonNode active = http.get("/api/v1/points/nearest?lat=52.2550&lon=6.1639&status=active").json();
        assertThat(names(active)).containsExactly("Bibliotheek", "Brandweerkazerne", "Dorpshuis Bathmen");
        assertThat(active.get("points").get(0).get("point").get("statusNote").getStringValue()).isEqualTo("Langdurige stroomstoring");

        http.post("/api/v1/admin/points/activate", "{\"area\":\"GM0150\",\"status\":\"standby\"}", ijsselland.token());
        assertThat(names(http.get("/api/v1/points/nearest?lat=52.2550&lon=6.1639&status=active").json())).isEmpty();
    }

    @Test
    void regionAsGeoJsonWithEntityTag() {
        Http.Response collection = http.get("/api/v1/points?region=VR04");

        JsonNode body = collection.json();
        assertThat(body.get("type").getStringValue()).isEqualTo("FeatureCollection");
        assertThat(body.get("features").size()).isEqualTo(4);
        JsonNode feature = body.get("features").get(0);
        assertThat(feature.get("geometry").get("type").getStringValue()).isEqualTo("Point");
        assertThat(feature.get("geometry").get("coordinates").get(0).getDoubleValue()).isBetween(6.0, 6.4);
        String etag = collection.headers().firstValue("ETag").orElseThrow();
        assertThat(http.getWithHeader("/api/v1/points?region=VR04", "If-None-Match", etag).status()).isEqualTo(304);
        assertThat(http.get("/api/v1/points?region=GM0268").json().get("features").size()).isZero();

        http.post("/api/v1/admin/points/activate", "{\"status\":\"active\"}", ijsselland.token());
        assertThat(http.getWithHeader("/api/v1/points?region=VR04", "If-None-Match", etag).status()).isEqualTo(200);
    }

    @Test
    void singlePointIsPublicUnlessPlanned() {
        JsonNode collection = http.get("/api/v1/points?region=GM0150").json();
        long id = collection.get("features").get(0).get("id").getLongValue();

        assertThat(http.get("/api/v1/points/" + id).status()).isEqualTo(200);
        long planned = context.getBean(PointRepository.class).findAll().stream()
                .filter(p -> p.status() == PointStatus.PLANNED).findFirst().orElseThrow().id();
        assertProblem(http.get("/api/v1/points/" + planned), 404);
        assertProblem(http.get("/api/v1/points/987654321"), 404);
        assertProblem(http.get("/api/v1/points/abc"), 400);
    }

    @Test
    void coldIndexFallsBackToTheDatabaseWithTheSameAnswer() {
        String query = "/api/v1/points/nearest?lat=52.2550&lon=6.1639&facility=drinking-water";
        JsonNode fromIndex = http.get(query).json();
        PointCatalog catalog = context.getBean(PointCatalog.class);

        catalog.drop();
        JsonNode fromDatabase = http.get(query).json();
        catalog.refresh();

        assertThat(fromDatabase.get("source").getStringValue()).isEqualTo("database");
        assertThat(names(fromDatabase)).isEqualTo(names(fromIndex));
        assertThat(fromDatabase.get("points").get(0).get("distanceMetres").getDoubleValue())
                .isEqualTo(fromIndex.get("points").get(0).get("distanceMetres").getDoubleValue());
    }

    @ParameterizedTest
    @CsvSource({
            "lat=abc&lon=6.1, lat", "lat=52.2&lon=200, lon", "lon=6.1, lat", "lat=52.2&lon=6.1&limit=0, limit",
            "lat=52.2&lon=6.1&limit=101, limit", "lat=52.2&lon=6.1&facility=jacuzzi, facility",
            "lat=52.2&lon=6.1&status=open, status", "lat=52.2&lon=6.1&status=planned, status",
            "lat=52.2&lon=6.1&maxDistanceKm=-1, maxDistanceKm", "lat=52.2&lon=6.1&maxDistanceKm=far, maxDistanceKm"
    })
    void badQueriesAreRejectedNamingTheField(String query, String field) {
        assertFieldProblem(http.get("/api/v1/points/nearest?" + query), 400, field);
    }

    @Test
    void regionIsRequiredForTheCollection() {
        assertFieldProblem(http.get("/api/v1/points"), 400, "region");
        assertFieldProblem(http.get("/api/v1/points?region=GM9999"), 400, "region");
    }

    private static List<String> names(JsonNode nearest) {
        return JsonNodes.stream(nearest.get("points")).map(p -> p.get("point").get("name").getStringValue()).toList();
    }
}
