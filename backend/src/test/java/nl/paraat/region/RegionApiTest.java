package nl.paraat.region;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.paraat.testing.Http;
import nl.paraat.testing.ServerTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashSet;
import java.util.Set;

import static nl.paraat.testing.ProblemAssertions.assertFieldProblem;
import static nl.paraat.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class RegionApiTest extends ServerTestSupport {


    @Test
    void listsAllSafetyRegionsWithTheirMunicipalities() {
        Http.Response response = http.get("/api/v1/regions");

        assertThat(response.status()).isEqualTo(200);
        JsonNode regions = response.json().get("safetyRegions");
        assertThat(regions.size()).isEqualTo(25);
        Set<String> municipalities = new HashSet<>();
        regions.values().forEach(region -> region.get("municipalities").values()
                .forEach(m -> municipalities.add(m.get("code").getStringValue())));
        assertThat(municipalities).hasSize(342).contains("GM0150", "GM0268", "GM0928");
        assertThat(regions.get(0).get("code").getStringValue()).isEqualTo("VR01");
        assertThat(regions.get(24).get("code").getStringValue()).isEqualTo("VR25");
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("max-age"));
    }

    @ParameterizedTest
    @CsvSource({
            "52.2550, 6.1639, GM0150, Deventer, VR04, IJsselland",
            "51.8426, 5.8528, GM0268, Nijmegen, VR08, Gelderland-Zuid",
            "52.3731, 4.8922, GM0363, Amsterdam, VR13, Amsterdam-Amstelland",
            "53.2194, 6.5665, GM0014, Groningen, VR01, Groningen",
            "50.8660, 6.0630, GM0928, Kerkrade, VR24, Limburg-Zuid"
    })
    void locatesPointInItsMunicipalityAndSafetyRegion(double lat, double lon, String gm, String gmName, String vr,
                                                      String vrName) {
        JsonNode location = http.get("/api/v1/regions/lookup?lat=" + lat + "&lon=" + lon).json();

        assertThat(location.get("municipality").get("code").getStringValue()).isEqualTo(gm);
        assertThat(location.get("municipality").get("name").getStringValue()).isEqualTo(gmName);
        assertThat(location.get("safetyRegion").get("code").getStringValue()).isEqualTo(vr);
        assertThat(location.get("safetyRegion").get("name").getStringValue()).isEqualTo(vrName);
    }

    @ParameterizedTest
    @CsvSource({"52.5200, 13.4050", "54.5000, 3.0000", "48.8566, 2.3522"})
    void pointOutsideTheNetherlandsIsNotFound(String lat, String lon) {
        assertProblem(http.get("/api/v1/regions/lookup?lat=" + lat + "&lon=" + lon), 404);
    }

    @ParameterizedTest
    @CsvSource({
            "lat=abc&lon=5.1, lat",
            "lat=52.1&lon=east, lon",
            "lat=91&lon=5.1, lat",
            "lat=-90.5&lon=5.1, lat",
            "lat=52.1&lon=181, lon",
            "lat=NaN&lon=5.1, lat",
            "lon=5.1, lat",
            "lat=52.1, lon"
    })
    void badCoordinatesAreRejectedNamingTheField(String query, String field) {
        assertFieldProblem(http.get("/api/v1/regions/lookup?" + query), 400, field);
    }
}
