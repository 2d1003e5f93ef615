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

import java.nio.charset.StandardCharsets;
import java.util.List;

import static nl.paraat.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Imports are all-or-nothing, report every bad row, and update rather than duplicate on re-import. */
@MicronautTest(transactional = false)
class PointImportTest extends ServerTestSupport {

    private static final String IMPORT = "/api/v1/admin/points/import";
    private static final String CSV = """
            externalId,name,type,latitude,longitude,address,facilities,capacity,status
            dev-1,Bibliotheek Deventer,library,52.2510,6.1600,"Brink 70, Deventer",information;charging,120,standby
            dev-2,Brandweerkazerne,fire-station,52.2553,6.1790,,information;drinking-water;first-aid,,active
            dev-3,Dorpshuis Bathmen,village-hall,52.2490,6.2880,,information,40,planned
            """;
    AuthFixtures.Member deventer;

    @BeforeEach
    void setUp() {
        PointTestData.clear(context);
        deventer = AuthFixtures.organisationWithKey(context, OrganisationKind.MUNICIPALITY, List.of("GM0150"), Role.POINT_MANAGER);
    }

    @Test
    void csvImportCreatesThenReimportUpdatesWithoutDuplicates() {
        JsonNode first = importCsv(CSV).json();
        assertThat(first.get("created").getIntValue()).isEqualTo(3);

        JsonNode second = importCsv(CSV.replace("Bibliotheek Deventer", "Openbare Bibliotheek")).json();

        assertThat(second.get("created").getIntValue()).isZero();
        assertThat(second.get("updated").getIntValue()).isEqualTo(3);
        assertThat(names()).containsExactlyInAnyOrder("Openbare Bibliotheek", "Brandweerkazerne");
    }

    @Test
    void geoJsonImportCreatesPoints() {
        String geoJson = """
                {"type":"FeatureCollection","features":[
                  {"type":"Feature","geometry":{"type":"Point","coordinates":[6.1600,52.2510]},
                   "properties":{"externalId":"g-1","name":"Buurthuis","type":"community-centre","facilities":["information","shelter"]}},
                  {"type":"Feature","geometry":{"type":"Point","coordinates":[6.1790,52.2553]},
                   "properties":{"externalId":"g-2","name":"Kazerne","type":"fire-station","status":"active"}}]}
                """;

        Http.Response response = http.post(IMPORT, "application/geo+json", geoJson.getBytes(StandardCharsets.UTF_8), deventer.token());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("created").getIntValue()).isEqualTo(2);
        assertThat(names()).containsExactlyInAnyOrder("Buurthuis", "Kazerne");
    }

    @Test
    void oneBadRowRejectsTheWholeFileAndEveryBadRowIsReported() {
        String csv = CSV + """
                dev-4,Kerk,place-of-worship,48.8566,2.3522,,information,,standby
                dev-5,Kasteel,castle,52.25,6.16,,information,,standby
                dev-1,Dubbel,library,52.25,6.16,,information,,standby
                dev-6,Zwembad,other,52.25,east,,jacuzzi,lots,standby
                dev-7,Stadhuis Nijmegen,town-hall,51.8426,5.8528,,information,,standby
                """;

        Http.Response response = importCsv(csv);

        JsonNode problem = assertProblem(response, 422);
        List<String> errors = JsonNodes.stream(problem.get("errors"))
                .map(e -> e.get("row").getIntValue() + ":" + e.get("field").getStringValue()).toList();
        assertThat(errors).contains("5:latitude", "6:type", "7:externalId", "8:longitude", "8:facilities", "8:capacity",
                "9:municipality");
        assertThat(names()).isEmpty();
    }

    @Test
    void hostileFilesGetAReportNeverAServerError() {
        assertFileProblem("text/csv", new byte[]{'e', 'x', (byte) 0xC3, (byte) 0x28, '\n'}, "not UTF-8");
        assertFileProblem("application/geo+json", "{\"type\":".getBytes(StandardCharsets.UTF_8), "not valid JSON");
        assertFileProblem("application/geo+json", "[1,2,3]".getBytes(StandardCharsets.UTF_8), "FeatureCollection");
        assertRowProblem("""
                {"type":"FeatureCollection","features":[
                  {"type":"Feature","geometry":{"type":"LineString","coordinates":[[6.16,52.25],[6.17,52.26]]},"properties":{}},
                  {"type":"Feature","geometry":{"type":"Point","coordinates":["a","b"]},"properties":{}},
                  {"type":"Feature","geometry":{"type":"Point","coordinates":[6.16,52.25]},"properties":[]},
                  {"type":"Feature","geometry":{"type":"Point","coordinates":[6.16,52.25]},
                   "properties":{"externalId":"x","name":{"nested":true},"type":"other"}}]}
                """, List.of("1:geometry", "2:geometry", "3:properties"));
        assertFileProblem("text/csv", "name,colour\nx,red\n".getBytes(StandardCharsets.UTF_8), null);
        StringBuilder many = new StringBuilder("externalId,name,type,latitude,longitude\n");
        for (int i = 0; i < 5_001; i++) {
            many.append("m").append(i).append(",P,other,52.25,6.16\n");
        }
        assertFileProblem("text/csv", many.toString().getBytes(StandardCharsets.UTF_8), "more than 5000");
        assertProblem(http.post(IMPORT, "application/xml", "<points/>".getBytes(StandardCharsets.UTF_8), deventer.token()), 415);
        byte[] huge = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');
        assertProblem(http.post(IMPORT, "text/csv", huge, deventer.token()), 413);
        assertThat(names()).isEmpty();
    }

    private void assertFileProblem(String contentType, byte[] body, String message) {
        JsonNode problem = assertProblem(http.post(IMPORT, contentType, body, deventer.token()), 422);
        if (message != null) {
            assertThat(problem.get("errors").get(0).get("message").getStringValue()).contains(message);
        }
    }

    private void assertRowProblem(String geoJson, List<String> expected) {
        JsonNode problem = assertProblem(http.post(IMPORT, "application/geo+json", geoJson.getBytes(StandardCharsets.UTF_8),
                deventer.token()), 422);
        assertThat(JsonNodes.stream(problem.get("errors"))
                .map(e -> e.get("row").getIntValue() + ":" + e.get("field").getStringValue()).toList()).containsAll(expected);
    }

    private Http.Response importCsv(String csv) {
        return http.post(IMPORT, "text/csv", csv.getBytes(StandardCharsets.UTF_8), deventer.token());
    }

    private List<String> names() {
        JsonNode collection = http.get("/api/v1/points?region=GM0150").json();
        return JsonNodes.stream(collection.get("features"))
                .map(feature -> feature.get("properties").get("name").getStringValue()).toList();
    }
}
