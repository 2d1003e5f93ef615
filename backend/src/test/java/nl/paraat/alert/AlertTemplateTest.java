package nl.paraat.alert;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.paraat.auth.AuthFixtures;
import nl.paraat.auth.OrganisationKind;
import nl.paraat.auth.Role;
import nl.paraat.testing.Http;
import nl.paraat.testing.JsonNodes;
import nl.paraat.testing.ServerTestSupport;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static nl.paraat.testing.ProblemAssertions.assertFieldProblem;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class AlertTemplateTest extends ServerTestSupport {

    @Inject
    AlertTemplates templates;

    @Test
    void everyTemplateRendersCompletelyInEveryLanguageWithinPushLimits() {
        assertThat(templates.all()).isNotEmpty();
        for (AlertTemplates.Template template : templates.all()) {
            Map<String, String> values = new HashMap<>();
            template.placeholders().forEach(name -> values.put(name, "Sint Jansklooster en omgeving"));

            Map<String, AlertViews.InfoRequest> rendered = templates.render(template.id(), values);

            assertThat(rendered.keySet()).as(template.id()).containsAll(AlertTemplates.REQUIRED_LANGUAGES);
            rendered.forEach((language, info) -> {
                String all = info.event() + info.headline() + info.description() + info.instruction();
                assertThat(all).as(template.id() + "/" + language).doesNotContain("{").doesNotContain("}")
                        .contains("Sint Jansklooster");
                assertThat(info.headline().length()).as(template.id() + "/" + language).isLessThanOrEqualTo(140);
            });
        }
    }

    @Test
    void issuerDraftsFromATemplateWithJustThePlaceAndTime() {
        AuthFixtures.Member issuer = AuthFixtures.organisationWithKey(context, OrganisationKind.MUNICIPALITY,
                List.of("GM0150"), Role.ALERT_ISSUER);
        String expires = Instant.now().plus(6, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();

        Http.Response draft = http.post("/api/v1/admin/alerts/from-template", """
                {"template":"power-outage","values":{"place":"Deventer","expected":"rond 18.00 uur"},
                 "expires":"%s","area":{"codes":["GM0150"]}}
                """.formatted(expires), issuer.token());

        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        JsonNode alert = draft.json();
        assertThat(alert.get("state").getStringValue()).isEqualTo("draft");
        assertThat(alert.get("severity").getStringValue()).isEqualTo("Severe");
        assertThat(JsonNodes.stream(alert.get("infos")).map(info -> info.get("language").getStringValue()).toList())
                .containsExactly("en", "fy", "nl");
        assertThat(JsonNodes.stream(alert.get("infos")).filter(info -> info.get("language").getStringValue().equals("fy"))
                .findFirst().orElseThrow().get("headline").getStringValue()).isEqualTo("Stroomstoring yn Deventer");
        assertThat(http.get("/api/v1/admin/alerts/templates", issuer.token()).json().size()).isEqualTo(templates.all().size());

        assertFieldProblem(http.post("/api/v1/admin/alerts/from-template", """
                {"template":"power-outage","values":{"place":"Deventer"},"expires":"%s","area":{"codes":["GM0150"]}}
                """.formatted(expires), issuer.token()), 400, "values.expected");
        assertFieldProblem(http.post("/api/v1/admin/alerts/from-template", """
                {"template":"meteor","values":{},"expires":"%s","area":{"codes":["GM0150"]}}
                """.formatted(expires), issuer.token()), 400, "template");
    }
}
