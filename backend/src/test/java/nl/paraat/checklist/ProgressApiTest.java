package nl.paraat.checklist;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.paraat.device.DeviceService;
import nl.paraat.testing.Http;
import nl.paraat.testing.ServerTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static nl.paraat.testing.ProblemAssertions.assertFieldProblem;
import static nl.paraat.testing.ProblemAssertions.assertProblem;
import static nl.paraat.testing.ProblemAssertions.fields;
import static org.assertj.core.api.Assertions.assertThat;

/** A device uploads its checklist progress anonymously, reads it back, replaces it, and loses it with the device. */
@MicronautTest(transactional = false)
class ProgressApiTest extends ServerTestSupport {

    @Inject
    ChecklistService checklists;
    @Inject
    DeviceService devices;
    @Inject
    ProgressRepositories.Progress progress;
    @Inject
    ProgressRepositories.Lists lists;
    @Inject
    ProgressRepositories.Items items;
    @Inject
    ProgressRepositories.Needs needs;
    @Inject
    ProgressRepositories.Weeks weeks;

    String id;
    String secret;
    List<String> kitItems;
    List<String> planItems;

    @BeforeEach
    void register() {
        Http.Response registered = http.post("/api/v1/devices", "", null);
        id = registered.json().get("deviceId").getStringValue();
        secret = registered.json().get("deviceSecret").getStringValue();
        kitItems = new ArrayList<>(checklists.itemIds("emergency-kit").orElseThrow());
        planItems = new ArrayList<>(checklists.itemIds("household-plan").orElseThrow());
        Collections.sort(kitItems);
        Collections.sort(planItems);
    }

    @Test
    void uploadedProgressIsStoredAndReadBack() {
        String report = """
                {"municipality":"GM0150",
                 "checklists":{"emergency-kit":{"done":["%s","%s","%s"],"complete":true},
                               "household-plan":{"done":["%s"],"complete":false}},
                 "needsHelp":{"optIn":true,"categories":["mobility","language","mobility"]}}
                """.formatted(kitItems.get(1), kitItems.get(0), kitItems.get(1), planItems.get(0));

        Http.Response stored = put(report);

        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(get().body()).isEqualTo(stored.body());
        JsonNode read = get().json();
        assertThat(read.get("municipality").getStringValue()).isEqualTo("GM0150");
        JsonNode kit = read.get("checklists").get("emergency-kit");
        assertThat(kit.get("complete").getBooleanValue()).isTrue();
        assertThat(strings(kit.get("done"))).containsExactly(kitItems.get(0), kitItems.get(1));
        assertThat(strings(read.get("checklists").get("household-plan").get("done"))).containsExactly(planItems.get(0));
        assertThat(read.get("needsHelp").get("optIn").getBooleanValue()).isTrue();
        assertThat(strings(read.get("needsHelp").get("categories"))).containsExactly("language", "mobility");
        assertThat(read.get("updatedAt").getStringValue()).isNotBlank();
    }

    @Test
    void aDeviceThatReportedNothingReadsEmptyProgress() {
        JsonNode read = get().json();

        assertThat(read.get("checklists").size()).isZero();
        assertThat(read.get("municipality")).isNull();
        assertThat(read.get("needsHelp").get("optIn").getBooleanValue()).isFalse();
    }

    @Test
    void uploadingTheSameReportTwiceChangesNothingAndTheLastReportReplacesEverything() {
        String first = """
                {"municipality":"GM0150","checklists":{"emergency-kit":{"done":["%s","%s"],"complete":false}},
                 "needsHelp":{"optIn":true,"categories":["medical-power"]}}
                """.formatted(kitItems.get(0), kitItems.get(1));
        put(first);
        String once = withoutTime(get().body());
        put(first);
        assertThat(withoutTime(get().body())).isEqualTo(once);
        long device = devices.authenticate(id, secret);
        assertThat(items.findByDeviceIdOrderByItemId(device)).hasSize(2);

        put("""
                {"checklists":{"household-plan":{"done":["%s"],"complete":true}}}
                """.formatted(planItems.get(0)));

        JsonNode read = get().json();
        assertThat(read.get("municipality")).isNull();
        assertThat(read.get("checklists").get("emergency-kit")).isNull();
        assertThat(read.get("checklists").get("household-plan").get("complete").getBooleanValue()).isTrue();
        assertThat(read.get("needsHelp").get("optIn").getBooleanValue()).isFalse();
        assertThat(read.get("needsHelp").get("categories").size()).isZero();
        assertThat(items.findByDeviceIdOrderByItemId(device)).hasSize(1);
        assertThat(needs.findByDeviceIdOrderByCategory(device)).isEmpty();
    }

    @Test
    void invalidReportsNameTheFieldAndLeaveTheStoredProgressAsItWas() {
        put("""
                {"municipality":"GM0150","checklists":{"emergency-kit":{"done":["%s"],"complete":true}}}
                """.formatted(kitItems.get(0)));
        String before = get().body();

        assertFieldProblem(put("""
                {"checklists":{"emergency-kit":{"done":["%s","%s","%s","no-such-item"],"complete":true}}}
                """.formatted(kitItems.get(0), kitItems.get(1), kitItems.get(2))), 400, "checklists.emergency-kit.done[3]");
        assertFieldProblem(put("""
                {"checklists":{"shopping-list":{"done":[],"complete":true}}}
                """), 400, "checklists.shopping-list");
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            tooMany.add("\"" + kitItems.get(i % kitItems.size()) + "\"");
        }
        assertFieldProblem(put("{\"checklists\":{\"emergency-kit\":{\"done\":[" + String.join(",", tooMany)
                + "],\"complete\":true}}}"), 400, "checklists.emergency-kit.done");
        assertFieldProblem(put("""
                {"needsHelp":{"optIn":true,"categories":["mobility","a ride to my sister"]}}
                """), 400, "needsHelp.categories[1]");
        assertFieldProblem(put("{\"municipality\":\"GM9999\",\"checklists\":{}}"), 400, "municipality");
        assertFieldProblem(put("{\"municipality\":\"VR04\",\"checklists\":{}}"), 400, "municipality");
        assertProblem(put("{\"municipality\":\"GM0150\",\"name\":\"Jansen\",\"checklists\":{}}"), 400);
        assertProblem(put("{\"needsHelp\":{\"optIn\":true,\"categories\":[],\"address\":\"Brink 1\"}}"), 400);
        assertProblem(put("{\"checklists\":{\"emergency-kit\":{\"done\":[],\"complete\":true,\"note\":\"x\"}}}"), 400);
        JsonNode several = assertProblem(put("""
                {"municipality":"GM9999","checklists":{"emergency-kit":{"done":["nope"],"complete":true}}}
                """), 400);
        assertThat(fields(several)).contains("municipality", "checklists.emergency-kit.done[0]");

        assertThat(get().body()).isEqualTo(before);
    }

    @Test
    void simultaneousFirstUploadsOfOneDeviceBothSucceedAndOneOfThemStands() throws Exception {
        for (int round = 0; round < 5; round++) {
            register();
            String first = "{\"municipality\":\"GM0150\",\"checklists\":{\"emergency-kit\":{\"done\":[\"" + kitItems.get(0)
                    + "\"],\"complete\":false}}}";
            String second = "{\"municipality\":\"GM0363\",\"checklists\":{\"emergency-kit\":{\"done\":[\"" + kitItems.get(1)
                    + "\"],\"complete\":false}}}";
            java.util.concurrent.CompletableFuture<Http.Response> a = java.util.concurrent.CompletableFuture.supplyAsync(() -> put(first));
            java.util.concurrent.CompletableFuture<Http.Response> b = java.util.concurrent.CompletableFuture.supplyAsync(() -> put(second));

            assertThat(a.get().status()).as(a.get().body()).isEqualTo(200);
            assertThat(b.get().status()).as(b.get().body()).isEqualTo(200);
            JsonNode stored = get().json();
            String municipality = stored.get("municipality").getStringValue();
            String expectedItem = municipality.equals("GM0150") ? kitItems.get(0) : kitItems.get(1);
            assertThat(strings(stored.get("checklists").get("emergency-kit").get("done"))).containsExactly(expectedItem);
        }
    }

    @Test
    void progressNeedsTheDevicesSecretLikeEveryDeviceEndpoint() {
        String report = "{\"checklists\":{}}";

        assertProblem(http.send("PUT", path(id), report, ProgressController.SECRET_HEADER, "wrong"), 401);
        assertProblem(http.send("PUT", path(id), report, ProgressController.SECRET_HEADER, null), 401);
        assertProblem(http.send("GET", path(id), null, ProgressController.SECRET_HEADER, "wrong"), 401);
        assertProblem(http.send("PUT", path("0".repeat(32)), report, ProgressController.SECRET_HEADER, secret), 404);
        assertProblem(http.send("GET", path("0".repeat(32)), null, ProgressController.SECRET_HEADER, secret), 404);
    }

    @Test
    void needsAreNotKeptWithoutTheHouseholdsOptIn() {
        put("{\"needsHelp\":{\"optIn\":false,\"categories\":[\"mobility\",\"care-dependency\"]}}");

        JsonNode read = get().json();
        assertThat(read.get("needsHelp").get("optIn").getBooleanValue()).isFalse();
        assertThat(read.get("needsHelp").get("categories").size()).isZero();
        assertThat(needs.findByDeviceIdOrderByCategory(devices.authenticate(id, secret))).isEmpty();
    }

    @Test
    void deletingTheDeviceDeletesItsProgress() {
        put("""
                {"municipality":"GM0150","checklists":{"emergency-kit":{"done":["%s"],"complete":true}},
                 "needsHelp":{"optIn":true,"categories":["language"]}}
                """.formatted(kitItems.get(0)));
        long device = devices.authenticate(id, secret);
        assertThat(weeks.findByDeviceIdAndWeekTo(device, IsoWeeks.OPEN)).isPresent();

        assertThat(http.send("DELETE", "/api/v1/devices/" + id, null, ProgressController.SECRET_HEADER, secret).status())
                .isEqualTo(204);

        assertThat(progress.findById(device)).isEmpty();
        assertThat(lists.findByDeviceIdOrderByChecklistId(device)).isEmpty();
        assertThat(items.findByDeviceIdOrderByItemId(device)).isEmpty();
        assertThat(needs.findByDeviceIdOrderByCategory(device)).isEmpty();
        assertThat(weeks.findByDeviceIdAndWeekTo(device, IsoWeeks.OPEN)).isEmpty();
        assertProblem(get(), 404);
    }

    private Http.Response put(String body) {
        return http.send("PUT", path(id), body, ProgressController.SECRET_HEADER, secret);
    }

    private Http.Response get() {
        return http.send("GET", path(id), null, ProgressController.SECRET_HEADER, secret);
    }

    private static String path(String device) {
        return "/api/v1/devices/" + device + "/progress";
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.values().forEach(value -> values.add(value.getStringValue()));
        return values;
    }

    private static String withoutTime(String stored) {
        return stored.replaceAll("\"updatedAt\":\"[^\"]*\"", "");
    }
}
