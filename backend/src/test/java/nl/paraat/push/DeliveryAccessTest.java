package nl.paraat.push;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.paraat.auth.AuthFixtures;
import nl.paraat.auth.OrganisationKind;
import nl.paraat.auth.Role;
import nl.paraat.testing.Http;
import nl.paraat.testing.ServerTestSupport;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static nl.paraat.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Push knows who may read a delivery from its own request: the sending organisation's alert roles. */
@MicronautTest(transactional = false)
class DeliveryAccessTest extends ServerTestSupport {

    @Test
    void onlyTheSendingOrganisationsAlertRolesReadTheDeliveryOfAPublishedMessage() {
        PushTestAlerts.Published published = PushTestAlerts.publishForDeventer(context, http);
        String delivery = "/api/v1/admin/alerts/" + published.alertId() + "/delivery";
        AuthFixtures.Member other = AuthFixtures.organisationWithKey(context, OrganisationKind.SAFETY_REGION,
                List.of("VR04"), Role.ALERT_ISSUER, Role.ALERT_APPROVER);
        AuthFixtures.Member editor = AuthFixtures.organisationWithKey(context, OrganisationKind.SAFETY_REGION,
                List.of("VR04"), Role.EDITOR);

        Http.Response own = http.get(delivery, published.issuerToken());
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().get("alertId").getLongValue()).isEqualTo(published.alertId());
        assertProblem(http.get(delivery, other.token()), 403);
        assertProblem(http.get(delivery, editor.token()), 403);
        assertProblem(http.get("/api/v1/admin/alerts/99999999/delivery", published.issuerToken()), 404);
        assertProblem(http.get("/api/v1/admin/alerts/99999999/delivery", editor.token()), 403);
    }

    @Test
    void aMessageThatWasNeverPublishedHasNoDelivery() {
        AuthFixtures.Member issuer = AuthFixtures.organisationWithKey(context, OrganisationKind.SAFETY_REGION,
                List.of("VR04"), Role.ALERT_ISSUER);
        String expires = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        Http.Response draft = http.post("/api/v1/admin/alerts", """
                {"hazard":"flood","urgency":"Immediate","severity":"Extreme","certainty":"Observed","expires":"%s",
                 "area":{"codes":["GM0150"]},"infos":{"nl":{"headline":"Overstroming","description":"Ga naar hoger gelegen gebied."}}}
                """.formatted(expires), issuer.token());
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);

        assertProblem(http.get("/api/v1/admin/alerts/" + draft.json().get("id").getLongValue() + "/delivery",
                issuer.token()), 404);
    }
}
