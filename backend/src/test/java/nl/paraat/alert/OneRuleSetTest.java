package nl.paraat.alert;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.paraat.testing.Http;
import nl.paraat.testing.JsonNodes;
import nl.paraat.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static nl.paraat.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One set of rules for every way in: a CAP message the dry run passes is imported, one it refuses is
 * refused by the import as well (never a 5xx), and the JSON API refuses the same texts.
 */
@MicronautTest(transactional = false)
class OneRuleSetTest extends CapTestSupport {

    private static final String SQUARE = "52.24,6.14 52.24,6.18 52.27,6.18 52.27,6.14 52.24,6.14";
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:30:00Z"));

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    /** Each variant breaks one of Paraat's limits in a message that is valid CAP 1.2. */
    @Test
    void whatTheDryRunRefusesTheImportRefusesWithoutA5xxAndWhatItPassesIsImported() {
        String valid = CapSamples.deventer("ID");
        List<String> variants = List.of(
                valid.replace("<identifier>ID</identifier>", "<identifier>" + "x".repeat(201) + "</identifier>"),
                valid.replace("</instruction>", "</instruction><web>https://example.org/" + "a".repeat(500) + "</web>"),
                valid.replace("<polygon>" + SQUARE + "</polygon>", shapes(21, i -> "<circle>52.255,6.16 " + (1 + i / 100.0) + "</circle>")),
                valid.replace("<polygon>" + SQUARE + "</polygon>", shapes(21, i -> "<polygon>" + square(i) + "</polygon>")),
                valid.replace("<headline>Stroomstoring in Deventer</headline>", "<headline>   </headline>"),
                valid.replace("<headline>Stroomstoring in Deventer</headline>", "<headline>" + "H".repeat(141) + "</headline>"),
                valid.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version=\"1.1\" encoding=\"UTF-8\"?>")
                        .replace("Stroomstoring in Deventer</headline>", "Stroomstoring&#x1; in Deventer</headline>"),
                valid.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version=\"1.1\" encoding=\"UTF-8\"?>")
                        .replace("is de stroom", "is de&#x7F;&#x85; stroom"),
                valid);
        int imported = 0;
        for (String variant : variants) {
            String xml = variant.replace("<identifier>ID</identifier>", "<identifier>" + unique() + "</identifier>");
            int before = stored();

            JsonNode dryRun = dryRun(xml);
            Http.Response response = http.post(CAP, "application/cap+xml", xml.getBytes(StandardCharsets.UTF_8), issuer.token());

            boolean passes = dryRun.get("capValid").getBooleanValue() && dryRun.get("paraatValid").getBooleanValue()
                    && dryRun.get("areaAllowed").getBooleanValue();
            assertThat(response.status()).as(xml.substring(0, Math.min(400, xml.length()))).isLessThan(500);
            if (passes) {
                assertThat(response.status()).as(response.body()).isEqualTo(201);
                imported++;
            } else {
                assertProblem(response, 400);
                assertThat(stored()).isEqualTo(before);
            }
        }
        // The untouched message and the one with DEL and NEL (allowed in XML 1.0 too) pass; every other variant is refused.
        assertThat(imported).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a control character | Stroom\\u0001storing",
            "a lone surrogate    | Stroom\\ud800storing",
            "U+FFFF              | Stroom\\uffffstoring"})
    void textsThatXmlCannotCarryAreRefusedOnTheJsonApiNamingTheField(String description, String headline) {
        int before = stored();

        Http.Response response = http.post("/api/v1/admin/alerts", """
                {"hazard":"power-outage","urgency":"Immediate","severity":"Severe","certainty":"Observed",
                 "expires":"2026-11-26T10:00:00Z","area":{"codes":["GM0150"]},
                 "infos":{"nl":{"headline":"%s","description":"De stroom is uitgevallen."}}}
                """.formatted(headline), issuer.token());

        JsonNode problem = assertProblem(response, 400);
        assertThat(JsonNodes.stream(problem.get("errors")).map(e -> e.get("field").getStringValue()).toList())
                .containsExactly("infos.nl.headline");
        assertThat(stored()).isEqualTo(before);
    }

    private static String shapes(int count, java.util.function.IntFunction<String> shape) {
        return String.join("", java.util.stream.IntStream.range(0, count).mapToObj(shape).toList());
    }

    /** A small square in Deventer, a little further east for each {@code i}. */
    private static String square(int i) {
        double west = 6.14 + i * 0.001;
        double east = west + 0.01;
        return "52.24,%s 52.24,%s 52.25,%s 52.25,%s 52.24,%s".formatted(west, east, east, west, west);
    }
}
