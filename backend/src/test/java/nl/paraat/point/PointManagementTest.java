package nl.paraat.point;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.paraat.auth.AuthFixtures;
import nl.paraat.auth.OrganisationKind;
import nl.paraat.auth.Role;
import nl.paraat.testing.Http;
import nl.paraat.testing.ServerTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static nl.paraat.testing.ProblemAssertions.assertFieldProblem;
import static nl.paraat.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Managing points: every write is limited to the organisation's area and to the point-manager role. */
@MicronautTest(transactional = false)
class PointManagementTest extends ServerTestSupport {

    private static final String POINTS = "/api/v1/admin/points";
    AuthFixtures.Member deventer;
    AuthFixtures.Member nijmegen;

    @BeforeEach
    void setUp() {
        PointTestData.clear(context);
        deventer = AuthFixtures.organisationWithKey(context, OrganisationKind.MUNICIPALITY, List.of("GM0150"), Role.POINT_MANAGER);
        nijmegen = AuthFixtures.organisationWithKey(context, OrganisationKind.MUNICIPALITY, List.of("GM0268"), Role.POINT_MANAGER);
    }

    @Test
    void createDerivesTheMunicipalityAndKeepsStatusHistory() {
        Http.Response created = http.post(POINTS, PointTestData.json("Brandweerkazerne", "fire-station", 52.2553, 6.1790,
                "\"information\",\"charging\"", "standby", "bw-1"), deventer.token());

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode point = created.json();
        assertThat(point.get("municipality").getStringValue()).isEqualTo("GM0150");
        assertThat(point.get("owner").getStringValue()).isEqualTo(deventer.organisation());
        long id = point.get("id").getLongValue();

        Http.Response patched = http.patch(POINTS + "/" + id, "{\"status\":\"active\",\"statusNote\":\"Open tot 22:00\"}",
                deventer.token());
        assertThat(patched.json().get("status").getStringValue()).isEqualTo("active");
        assertThat(patched.json().get("name").getStringValue()).isEqualTo("Brandweerkazerne");

        JsonNode history = http.get(POINTS + "/" + id + "/history", deventer.token()).json();
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(0).get("fromStatus").getStringValue()).isEqualTo("standby");
        assertThat(history.get(0).get("toStatus").getStringValue()).isEqualTo("active");
        assertThat(history.get(0).get("changedBy").getStringValue()).isEqualTo("api-key:" + deventer.keyId());
    }

    @Test
    void everyWriteOutsideTheOrganisationsAreaIsForbiddenAndChangesNothing() {
        long id = create(deventer, "Bibliotheek", 52.2510, 6.1600);
        String nijmegenPoint = PointTestData.json("Stadhuis", "town-hall", 51.8426, 5.8528, "", "standby", null);

        assertProblem(http.post(POINTS, nijmegenPoint, deventer.token()), 403);
        assertFieldProblem(http.post(POINTS, PointTestData.json("x", "other", 52.2510, 6.1600, "", "standby", null)
                .replace("}", ",\"municipality\":\"GM0268\"}"), deventer.token()), 400, "municipality");
        // Amsterdam's coordinates under Deventer's own municipality code: refused, not placed in Amsterdam.
        assertFieldProblem(http.post(POINTS, PointTestData.json("x", "other", 52.3731, 4.8926, "", "standby", null)
                .replace("}", ",\"municipality\":\"GM0150\"}"), deventer.token()), 400, "municipality");
        assertFieldProblem(http.post(POINTS, PointTestData.json("x", "other", 52.3731, 4.8926, "", "standby", null),
                deventer.token()), 403, "municipality");
        assertProblem(http.put(POINTS + "/" + id, nijmegenPoint, nijmegen.token()), 403);
        assertProblem(http.patch(POINTS + "/" + id, "{\"status\":\"closed\"}", nijmegen.token()), 403);
        assertProblem(http.put(POINTS + "/" + id, nijmegenPoint, deventer.token()), 403);
        assertProblem(http.delete(POINTS + "/" + id, nijmegen.token()), 403);
        assertProblem(http.get(POINTS + "/" + id, nijmegen.token()), 403);
        assertProblem(http.post(POINTS + "/activate", "{\"status\":\"active\",\"area\":\"GM0150\"}", nijmegen.token()), 403);
        assertProblem(http.post(POINTS + "/activate", "{\"status\":\"active\",\"pointIds\":[" + id + "]}", nijmegen.token()), 403);
        assertProblem(http.post(POINTS + "/import", "text/csv",
                "externalId,name,type,latitude,longitude\nx,Kerk,place-of-worship,52.2510,6.1600\n".getBytes(), nijmegen.token()), 422);

        JsonNode unchanged = http.get(POINTS + "/" + id, deventer.token()).json();
        assertThat(unchanged.get("name").getStringValue()).isEqualTo("Bibliotheek");
        assertThat(unchanged.get("status").getStringValue()).isEqualTo("standby");
    }

    @Test
    void safetyRegionManagesThePointsOfItsMunicipalities() {
        AuthFixtures.Member ijsselland = AuthFixtures.organisationWithKey(context, OrganisationKind.SAFETY_REGION,
                List.of("VR04"), Role.POINT_MANAGER);
        long id = create(deventer, "Dorpshuis", 52.2510, 6.1600);

        assertThat(http.patch(POINTS + "/" + id, "{\"capacity\":80}", ijsselland.token()).status()).isEqualTo(200);
    }

    @Test
    void pointManagerRoleIsRequired() {
        AuthFixtures.Member editor = AuthFixtures.organisationWithKey(context, OrganisationKind.MUNICIPALITY,
                List.of("GM0150"), Role.EDITOR, Role.ADMIN);

        assertProblem(http.post(POINTS, PointTestData.json("x", "other", 52.2510, 6.1600, "", "standby", null), editor.token()), 403);
        assertProblem(http.post(POINTS, PointTestData.json("x", "other", 52.2510, 6.1600, "", "standby", null), null), 401);
    }

    @Test
    void invalidPointsAreRejectedNamingTheField() {
        assertFieldProblem(http.post(POINTS, PointTestData.json("", "fire-station", 52.25, 6.17, "", "standby", null),
                deventer.token()), 400, "name");
        assertFieldProblem(http.post(POINTS, PointTestData.json("x", "castle", 52.25, 6.17, "", "standby", null),
                deventer.token()), 400, "type");
        assertFieldProblem(http.post(POINTS, PointTestData.json("x", "other", 52.25, 6.17, "\"jacuzzi\"", "standby", null),
                deventer.token()), 400, "facilities");
        assertFieldProblem(http.post(POINTS, PointTestData.json("x", "other", 95, 6.17, "", "standby", null),
                deventer.token()), 400, "latitude");
        assertFieldProblem(http.post(POINTS, PointTestData.json("x", "other", 48.85, 2.35, "", "standby", null),
                deventer.token()), 400, "latitude");
        assertFieldProblem(http.post(POINTS, PointTestData.json("x", "other", 52.25, 6.17, "", "open", null),
                deventer.token()), 400, "status");
        assertFieldProblem(http.patch(POINTS + "/" + create(deventer, "a", 52.25, 6.16), "{\"latitude\":52.2}",
                deventer.token()), 400, "longitude");
        assertThat(http.get("/api/v1/points/nearest?lat=52.25&lon=6.16&limit=100&status=standby").json().get("points").size())
                .isEqualTo(1);
    }

    @Test
    void duplicateExternalIdConflictsAndDeleteRemovesThePoint() {
        long id = create(deventer, "Buurthuis", 52.2510, 6.1600, "bh-1");

        assertFieldProblem(http.post(POINTS, PointTestData.json("Ander", "other", 52.25, 6.16, "", "standby", "bh-1"),
                deventer.token()), 409, "externalId");
        assertThat(http.delete(POINTS + "/" + id, deventer.token()).status()).isEqualTo(204);
        assertProblem(http.get("/api/v1/points/" + id), 404);
        assertProblem(http.delete(POINTS + "/" + id, deventer.token()), 404);
    }

    private long create(AuthFixtures.Member member, String name, double lat, double lon) {
        return create(member, name, lat, lon, null);
    }

    private long create(AuthFixtures.Member member, String name, double lat, double lon, String externalId) {
        Http.Response response = http.post(POINTS, PointTestData.json(name, "community-centre", lat, lon,
                "\"information\"", "standby", externalId), member.token());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").getLongValue();
    }
}
