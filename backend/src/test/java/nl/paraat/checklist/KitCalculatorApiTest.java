package nl.paraat.checklist;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.paraat.testing.Http;
import nl.paraat.testing.ServerTestSupport;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/v1/kit/calculate} on the real content folder, against hand-computed quantities. */
@MicronautTest(transactional = false)
@Property(name = "paraat.rate-limit.public-writes-per-minute", value = "5")
class KitCalculatorApiTest extends ServerTestSupport {

    @Test
    void twoAdultsAnInfantAndADogForThreeDays() {
        JsonNode kit = calculate("{\"adults\":2,\"infants\":1,\"pets\":{\"dog\":1}}", "");

        Map<String, Long> quantities = quantities(kit);
        // 3 people × 3 l × 3 days = 27; formula water 1 l × 3 days = 3; dog 0.5 l × 3 days = 1.5, rounded up to 2
        assertThat(quantities).containsEntry("drinking-water", 27L).containsEntry("infant-water", 3L)
                .containsEntry("pet-water", 2L)
                .containsEntry("long-life-food", 27L)     // 3 meals × 3 people × 3 days
                .containsEntry("torch", 3L).containsEntry("blanket", 3L)
                .containsEntry("power-bank", 2L)          // per adult
                .containsEntry("cash", 140L)              // € 70 × 2 adults
                .containsEntry("infant-food", 18L).containsEntry("nappies", 18L)
                .containsEntry("dog-food", 6L)
                .containsEntry("toilet-paper", 9L).containsEntry("rubbish-bags", 18L)
                .containsEntry("radio", 1L);
        assertThat(quantities).doesNotContainKeys("cat-food", "cash-children", "medication", "insulin-cooling");
        assertThat(kit.get("totalWaterLitres").getLongValue()).isEqualTo(32L);
        assertThat(kit.get("hours").getIntValue()).isEqualTo(72);
        assertThat(kit.get("locale").getStringValue()).isEqualTo("nl");
    }

    @Test
    void oneElderlyPersonAloneForSevenDaysWithMedicationAndAHearingAid() {
        JsonNode kit = calculate("{\"elderly\":1,\"hours\":168,\"needs\":[\"medication\",\"hearing-aid\"]}", "");

        Map<String, Long> quantities = quantities(kit);
        assertThat(quantities).containsEntry("drinking-water", 21L)  // 3 l × 7 days
                .containsEntry("long-life-food", 21L)
                .containsEntry("power-bank", 1L)                     // the elderly count as adults
                .containsEntry("cash", 70L)
                .containsEntry("hearing-aid-batteries", 1L)
                .containsEntry("toilet-paper", 7L);
        assertThat(quantities).containsKey("medication").doesNotContainKeys("infant-food", "dog-food", "pet-water",
                "insulin-cooling");
        assertThat(item(kit, "medication").get("quantity")).isNull();
        assertThat(item(kit, "medication").get("why").getStringValue()).contains("huisarts");
        assertThat(kit.get("totalWaterLitres").getLongValue()).isEqualTo(21L);
    }

    @Test
    void quantitiesAreRoundedUpToWholeUnitsOnlyAtTheEnd() {
        JsonNode kit = calculate("{\"adults\":1,\"hours\":36,\"pets\":{\"cat\":1}}", "");

        Map<String, Long> quantities = quantities(kit);
        // 3 l × 1.5 days = 4.5 → 5; a cat's 0.5 l × 1.5 days = 0.75 → 1
        assertThat(quantities).containsEntry("drinking-water", 5L).containsEntry("pet-water", 1L)
                .containsEntry("cat-food", 3L);
        assertThat(kit.get("totalWaterLitres").getLongValue()).isEqualTo(6L);
        assertThat(item(kit, "drinking-water").get("rule").get("per").getStringValue()).isEqualTo("person-day");
    }

    @Test
    void theKitIsInTheResidentsLanguageWithDutchWhereNotTranslated() {
        JsonNode english = calculate("{\"adults\":1}", "?locale=en");
        JsonNode frisian = calculate("{\"adults\":1}", "?locale=fy");

        assertThat(item(english, "drinking-water").get("text").getStringValue()).isEqualTo("Drinking water");
        assertThat(item(english, "drinking-water").get("unit").getStringValue()).isEqualTo("litres");
        assertThat(english.get("fallback").getBooleanValue()).isFalse();
        assertThat(frisian.get("fallback").getBooleanValue()).isTrue();
        assertThat(item(frisian, "drinking-water").get("text").getStringValue()).isEqualTo("Drinkwater");
    }

    @Test
    void aMunicipalityAddsItsOwnItemsForItsResidentsOnly() {
        JsonNode deventer = calculate("{\"adults\":2}", "?region=GM0150");
        JsonNode utrecht = calculate("{\"adults\":2}", "?region=GM0344");

        assertThat(quantities(deventer)).containsKey("nearest-resilience-point").containsEntry("flood-bag", 1L)
                .containsEntry("drinking-water", 18L);
        assertThat(quantities(utrecht)).doesNotContainKeys("nearest-resilience-point", "flood-bag");
    }

    @Test
    void badHouseholdsAreRefusedNamingTheField() {
        assertRefused("{\"adults\":-1}", "adults");
        assertRefused("{\"adults\":500}", "adults");
        assertRefused("{\"adults\":1,\"hours\":200}", "hours");
        assertRefused("{\"adults\":1,\"hours\":12}", "hours");
        assertRefused("{\"adults\":1,\"pets\":{\"hamster\":1}}", "pets.hamster");
        assertRefused("{\"adults\":1,\"pets\":{\"dog\":-2}}", "pets.dog");
        assertRefused("{\"adults\":1,\"needs\":[\"medication\",\"jetpack\"]}", "needs[1]");
        assertRefused("{}", "adults");
        assertRefused("{\"adults\":\"two\"}", "adults");
        // never silently rounded or converted: 1.5 adults is not one adult
        assertRefused("{\"adults\":1.5}", "adults");
        assertRefused("{\"adults\":\"2\"}", "adults");
        assertRefused("{\"adults\":true}", "adults");
        assertRefused("{\"adults\":1,\"pets\":{\"dog\":1.5}}", "pets");
    }

    @Test
    void calculatingStoresNothingSoItIsNotBoundByThePublicWriteLimit() {
        for (int i = 0; i < 100; i++) {
            assertThat(http.post("/api/v1/kit/calculate", "{\"adults\":1}", null).status()).isEqualTo(200);
        }
    }

    @Test
    void theHouseholdPlanTemplateHasPromptsAndIsCacheable() {
        Http.Response plan = http.get("/api/v1/checklists/household-plan?locale=en");

        assertThat(plan.status()).isEqualTo(200);
        JsonNode contact = plan.json().get("template").get("sections").values().iterator().next();
        assertThat(contact.get("id").getStringValue()).isEqualTo("meeting");
        assertThat(contact.get("items").get(0).get("fields").get(0).get("type").getStringValue()).isEqualTo("place");
        String etag = plan.headers().firstValue("ETag").orElseThrow();
        assertThat(http.getWithHeader("/api/v1/checklists/household-plan?locale=en", "If-None-Match", etag).status())
                .isEqualTo(304);
        Http.Response continuity = http.get("/api/v1/checklists/continuity?locale=en");
        assertThat(continuity.status()).isEqualTo(200);
        assertThat(continuity.json().get("title").getStringValue()).startsWith("Continuity checklist");
        assertThat(http.get("/api/v1/checklists/no-such-list").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/checklists/72-hours").status()).isEqualTo(404);
    }

    private void assertRefused(String household, String field) {
        Http.Response response = http.post("/api/v1/kit/calculate", household, null);
        assertThat(response.status()).as(household + " → " + response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).as(household).contains("\"" + field + "\"");
    }

    private JsonNode calculate(String household, String query) {
        Http.Response response = http.post("/api/v1/kit/calculate" + query, household, null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static Map<String, Long> quantities(JsonNode kit) {
        Map<String, Long> quantities = new HashMap<>();
        kit.get("sections").values().forEach(section -> section.get("items").values().forEach(item ->
                quantities.put(item.get("id").getStringValue(), item.get("quantity") == null ? null : item.get("quantity").getLongValue())));
        return quantities;
    }

    private static JsonNode item(JsonNode kit, String id) {
        for (JsonNode section : kit.get("sections").values()) {
            for (JsonNode item : section.get("items").values()) {
                if (item.get("id").getStringValue().equals(id)) {
                    return item;
                }
            }
        }
        throw new AssertionError("no item " + id);
    }
}
