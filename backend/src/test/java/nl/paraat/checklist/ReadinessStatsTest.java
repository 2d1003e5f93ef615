package nl.paraat.checklist;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.paraat.auth.AuthFixtures;
import nl.paraat.auth.OrganisationKind;
import nl.paraat.auth.Role;
import nl.paraat.testing.Http;
import nl.paraat.testing.MutableClock;
import nl.paraat.testing.ServerTestSupport;
import nl.paraat.testing.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static nl.paraat.testing.ProblemAssertions.assertFieldProblem;
import static nl.paraat.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readiness statistics publish no figure that rests on fewer than k = 10 households on either side,
 * and an area's figures are the sum of what its municipalities publish, so that nothing about one
 * household can be read from them or from their differences.
 */
@MicronautTest(transactional = false)
class ReadinessStatsTest extends ServerTestSupport {

    private static final String DEVENTER = "GM0150";
    private static final String ZWOLLE = "GM0193";
    private static final String KAMPEN = "GM0166";
    private static final Instant WEEK_48 = Instant.parse("2026-11-25T12:00:00Z");

    // One clock for every test instance: the Clock bean can be made again from an earlier instance on a background thread.
    private static final MutableClock clock = new MutableClock(WEEK_48);

    @Inject
    DataSource dataSource;
    @Inject
    ChecklistService checklists;

    String national;
    String kitItem;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    private record Device(String id, String secret) {
    }

    /** The test database outlives a run on MariaDB: every test counts only the households it reports itself. */
    @BeforeEach
    void startWithoutProgress() {
        clock.set(WEEK_48);
        Sql.execute(dataSource, "DELETE FROM checklist_progress_week", "DELETE FROM checklist_progress_need",
                "DELETE FROM checklist_progress_item", "DELETE FROM checklist_progress_list", "DELETE FROM checklist_progress");
        national = AuthFixtures.organisationWithKey(context, OrganisationKind.NATIONAL, List.of("NL"), Role.ADMIN).token();
        kitItem = checklists.itemIds("emergency-kit").orElseThrow().stream().sorted().findFirst().orElseThrow();
    }

    @Test
    void aMunicipalityWithFewerThanKHouseholdsPublishesNothing() {
        households(9, DEVENTER, true, true);

        JsonNode below = stats(DEVENTER);
        assertThat(below.get("k").getIntValue()).isEqualTo(10);
        assertThat(below.get("households").isNull()).isTrue();
        assertThat(below.get("completeKit").isNull()).isTrue();
        assertThat(below.get("plan").isNull()).isTrue();
        assertThat(below.get("municipalities").get("published").getIntValue()).isZero();
        assertThat(below.get("municipalities").get("suppressed").getIntValue()).isEqualTo(1);
        assertThat(suppressed(below)).contains("households", "completeKit", "plan", "needs.optedIn",
                "items.emergency-kit." + kitItem, "weeks.2026-W48.households");

        households(1, DEVENTER, false, false);

        JsonNode atK = stats(DEVENTER);
        assertThat(atK.get("households").getIntValue()).isEqualTo(10);
        assertThat(atK.get("municipalities").get("published").getIntValue()).isEqualTo(1);
        assertThat(atK.get("weeks").get(11).get("households").getIntValue()).isEqualTo(10);
        assertThat(suppressed(atK)).doesNotContain("households").contains("completeKit");
    }

    @Test
    void aCountIsPublishedAtExactlyKAndSuppressedOneBelow() {
        List<Device> complete = households(10, DEVENTER, true, false);
        households(10, DEVENTER, false, false);

        JsonNode atK = stats(DEVENTER);
        assertFigure(atK.get("completeKit"), 10, 20, 0.5);
        assertFigure(atK.get("items").get("emergency-kit").get(kitItem), 10, 20, 0.5);
        assertThat(suppressed(atK)).doesNotContain("completeKit").contains("plan");

        report(complete.get(0), DEVENTER, false, false);

        JsonNode below = stats(DEVENTER);
        assertThat(below.get("households").getIntValue()).isEqualTo(20);
        assertThat(below.get("completeKit").isNull()).isTrue();
        assertThat(below.get("items").get("emergency-kit").get(kitItem).isNull()).isTrue();
        assertThat(suppressed(below)).contains("completeKit", "items.emergency-kit." + kitItem);
    }

    @Test
    void aCountWhoseComplementIsBelowKIsSuppressed() {
        for (int i = 0; i < 20; i++) {
            // all 20 opted in, 11 with a complete kit, 10 needing help with mobility
            report(register(), DEVENTER, i < 11, false, i < 10 ? "mobility" : "language");
        }

        JsonNode stats = stats(DEVENTER);

        assertThat(stats.get("households").getIntValue()).isEqualTo(20);
        assertThat(stats.get("completeKit").isNull()).as("all but 9 households").isTrue();
        assertThat(stats.get("needs").get("optedIn").isNull()).as("all households").isTrue();
        assertFigure(stats.get("needs").get("categories").get("mobility"), 10, 20, 0.5);
        assertFigure(stats.get("needs").get("categories").get("language"), 10, 20, 0.5);
        assertThat(stats.get("needs").get("categories").get("medical-power").isNull()).isTrue();
        assertThat(suppressed(stats)).contains("completeKit", "needs.optedIn", "needs.categories.medical-power")
                .doesNotContain("needs.categories.mobility");
    }

    @Test
    void aRegionsFiguresAreTheSumOfWhatItsMunicipalitiesPublishSoDifferencesRevealNothing() {
        households(10, DEVENTER, true, true);
        households(10, DEVENTER, false, false);
        households(11, ZWOLLE, true, true);
        households(9, ZWOLLE, false, false);
        households(9, KAMPEN, true, true);

        JsonNode region = stats("VR04");
        JsonNode deventer = stats(DEVENTER);
        JsonNode zwolle = stats(ZWOLLE);
        JsonNode kampen = stats(KAMPEN);

        assertThat(region.get("municipalities").get("published").getIntValue()).isEqualTo(2);
        assertThat(region.get("municipalities").get("suppressed").getIntValue()).isEqualTo(9);
        // Kampen's 9 households are in no figure, so VR04 minus Deventer and Zwolle leaves nothing
        assertThat(kampen.get("households").isNull()).isTrue();
        assertThat(region.get("households").getIntValue())
                .isEqualTo(deventer.get("households").getIntValue() + zwolle.get("households").getIntValue())
                .isEqualTo(40);
        // Zwolle's 11 of 20 kits are suppressed there (all but 9), so they are not in the region's figure either
        assertThat(zwolle.get("completeKit").isNull()).isTrue();
        assertFigure(deventer.get("completeKit"), 10, 20, 0.5);
        assertFigure(region.get("completeKit"), 10, 20, 0.5);
        assertThat(region.get("weeks").get(11).get("completeKit").toString())
                .isEqualTo(region.get("completeKit").toString());
        // a figure that both publish is their sum
        assertThat(zwolle.get("plan").isNull()).isTrue();
        households(9, ZWOLLE, false, true);
        households(1, ZWOLLE, false, false);
        assertFigure(stats(ZWOLLE).get("plan"), 20, 30, 0.6667);
        assertFigure(stats("VR04").get("plan"), 30, 50, 0.6);
    }

    @Test
    void onlyAdminsAndEditorsOfAnOrganisationWhoseAreaCoversTheRegionSeeIt() {
        households(10, DEVENTER, true, false);
        String region = AuthFixtures.organisationWithKey(context, OrganisationKind.SAFETY_REGION, List.of("VR04"),
                Role.EDITOR).token();
        String deventer = AuthFixtures.organisationWithKey(context, OrganisationKind.MUNICIPALITY, List.of(DEVENTER),
                Role.ADMIN).token();
        String groningen = AuthFixtures.organisationWithKey(context, OrganisationKind.SAFETY_REGION, List.of("VR01"),
                Role.ADMIN).token();
        String pointManager = AuthFixtures.organisationWithKey(context, OrganisationKind.SAFETY_REGION, List.of("VR04"),
                Role.POINT_MANAGER, Role.ALERT_ISSUER).token();

        assertThat(get("VR04", region).status()).isEqualTo(200);
        assertThat(get(DEVENTER, region).status()).isEqualTo(200);
        assertThat(get(DEVENTER, deventer).status()).isEqualTo(200);
        assertThat(get("VR04", national).status()).isEqualTo(200);
        assertThat(get("NL", national).status()).isEqualTo(200);
        assertProblem(get("VR04", deventer), 403);
        assertProblem(get(ZWOLLE, deventer), 403);
        assertProblem(get("VR04", groningen), 403);
        assertProblem(get("NL", region), 403);
        assertProblem(get("VR04", pointManager), 403);
        assertProblem(http.get("/api/v1/admin/stats/readiness?region=VR04"), 401);
        assertFieldProblem(get("VR99", national), 400, "region");
        assertFieldProblem(http.get("/api/v1/admin/stats/readiness", national), 400, "region");
    }

    @Test
    void theWeeklySeriesShowsTheStateAtTheEndOfEachWeek() {
        clock.set(Instant.parse("2026-11-11T12:00:00Z"));
        List<Device> devices = households(20, DEVENTER, false, false);
        clock.set(Instant.parse("2026-11-18T12:00:00Z"));
        for (Device device : devices.subList(0, 10)) {
            report(device, DEVENTER, true, true);
        }
        clock.set(WEEK_48);

        JsonNode weeks = stats(DEVENTER).get("weeks");

        assertThat(weeks.size()).isEqualTo(12);
        assertThat(weeks.get(0).get("week").getStringValue()).isEqualTo("2026-W37");
        JsonNode w45 = weeks.get(8);
        JsonNode w46 = weeks.get(9);
        JsonNode w47 = weeks.get(10);
        JsonNode w48 = weeks.get(11);
        assertThat(w45.get("week").getStringValue()).isEqualTo("2026-W45");
        assertThat(w45.get("households").isNull()).isTrue();
        assertThat(w46.get("households").getIntValue()).isEqualTo(20);
        assertThat(w46.get("completeKit").isNull()).isTrue();
        assertFigure(w47.get("completeKit"), 10, 20, 0.5);
        assertFigure(w47.get("plan"), 10, 20, 0.5);
        assertThat(w48.get("week").getStringValue()).isEqualTo("2026-W48");
        assertFigure(w48.get("completeKit"), 10, 20, 0.5);

        // a later report in the same week replaces that week's state; the weeks before keep theirs
        report(devices.get(0), DEVENTER, false, true);
        JsonNode after = stats(DEVENTER).get("weeks");
        assertThat(after.get(11).get("completeKit").isNull()).isTrue();
        assertFigure(after.get(10).get("completeKit"), 10, 20, 0.5);
    }

    @Test
    void devicesWithoutAMunicipalityCountNowhere() {
        for (int i = 0; i < 12; i++) {
            report(register(), null, true, true);
        }

        assertThat(stats("NL").get("households").isNull()).isTrue();
    }

    private List<Device> households(int count, String municipality, boolean kit, boolean plan) {
        List<Device> devices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Device device = register();
            report(device, municipality, kit, plan);
            devices.add(device);
        }
        return devices;
    }

    private Device register() {
        JsonNode registered = http.post("/api/v1/devices", "", null).json();
        return new Device(registered.get("deviceId").getStringValue(), registered.get("deviceSecret").getStringValue());
    }

    private void report(Device device, String municipality, boolean kit, boolean plan, String... needs) {
        String body = "{" + (municipality == null ? "" : "\"municipality\":\"" + municipality + "\",")
                + "\"checklists\":{\"emergency-kit\":{\"done\":[" + (kit ? "\"" + kitItem + "\"" : "") + "],\"complete\":" + kit
                + "},\"household-plan\":{\"done\":[],\"complete\":" + plan + "}}"
                + (needs.length == 0 ? "" : ",\"needsHelp\":{\"optIn\":true,\"categories\":[\"" + String.join("\",\"", needs) + "\"]}")
                + "}";
        Http.Response response = http.send("PUT", "/api/v1/devices/" + device.id() + "/progress", body,
                ProgressController.SECRET_HEADER, device.secret());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private Http.Response get(String region, String token) {
        return http.get("/api/v1/admin/stats/readiness?region=" + region, token);
    }

    private JsonNode stats(String region) {
        Http.Response response = get(region, national);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> suppressed(JsonNode stats) {
        List<String> names = new ArrayList<>();
        stats.get("suppressed").values().forEach(name -> names.add(name.getStringValue()));
        return names;
    }

    private static void assertFigure(JsonNode figure, int count, int of, double share) {
        assertThat(figure).as("figure").isNotNull();
        assertThat(figure.isNull()).as("suppressed figure").isFalse();
        assertThat(figure.get("count").getIntValue()).isEqualTo(count);
        assertThat(figure.get("of").getIntValue()).isEqualTo(of);
        assertThat(figure.get("share").getDoubleValue()).isEqualTo(share);
    }
}
