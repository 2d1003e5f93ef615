package nl.paraat.alert;

import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Inject;
import nl.paraat.auth.AuthFixtures;
import nl.paraat.auth.OrganisationKind;
import nl.paraat.auth.Role;
import nl.paraat.testing.Http;
import nl.paraat.testing.ServerTestSupport;
import org.junit.jupiter.api.BeforeEach;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An issuer of IJsselland (VR04) who imports and dry-runs CAP messages, and what its organisation has stored. */
abstract class CapTestSupport extends ServerTestSupport {

    static final String CAP = "/api/v1/admin/alerts/cap";

    @Inject
    AlertRepositories.Messages messages;

    AuthFixtures.Member issuer;

    @BeforeEach
    void createIssuer() {
        issuer = AuthFixtures.organisationWithKey(context, OrganisationKind.SAFETY_REGION, List.of("VR04"), Role.ALERT_ISSUER);
    }

    int stored() {
        return messages.findByOrganisationOrderByIdDesc(issuer.organisation()).size();
    }

    /** The dry run's answer, which is always a 200. */
    JsonNode dryRun(String xml) {
        Http.Response response = http.post(CAP + "/validate", "application/cap+xml", xml.getBytes(StandardCharsets.UTF_8),
                issuer.token());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    Http.Response importCap(String xml) {
        return http.post(CAP, "application/cap+xml", xml.getBytes(StandardCharsets.UTF_8), issuer.token());
    }

    static String unique() {
        return "urn:oid:2.49.0.1.528.0." + UUID.randomUUID();
    }
}
