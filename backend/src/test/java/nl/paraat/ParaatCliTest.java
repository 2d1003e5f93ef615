package nl.paraat;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.paraat.auth.OrganisationService;
import nl.paraat.testing.Http;
import nl.paraat.testing.ServerTestSupport;
import nl.paraat.testing.TestCodes;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/** The operator commands, run in-process against the same database as the server under test. */
@MicronautTest(transactional = false)
class ParaatCliTest extends ServerTestSupport {

    @Inject
    OrganisationService organisations;

    @Test
    void operatorCreatesOrganisationAndKeyThatWorksAgainstTheServer() {
        String code = TestCodes.unique("ijsselland");

        CliRun created = CliRun.of("org", "create", "--code", code, "--name", "Veiligheidsregio IJsselland",
                "--kind", "safety-region", "--area", "VR04");
        CliRun key = CliRun.of("key", "create", "--org", code, "--label", "crisis room", "--roles", "admin,alert-issuer");

        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(key.exitCode()).as(key.err() + key.out()).isZero();
        String token = key.out().lines().filter(line -> line.startsWith("prt_")).findFirst().orElseThrow();
        Http.Response me = http.get("/api/v1/admin/me", token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("organisation").get("code").getStringValue()).isEqualTo(code);

        java.util.regex.Matcher announced = java.util.regex.Pattern.compile("API key (\\w+) for").matcher(key.out());
        assertThat(announced.find()).as(key.out()).isTrue();
        String keyId = announced.group(1);
        CliRun revoke = CliRun.of("key", "revoke", "--org", code, "--key", keyId);
        assertThat(revoke.exitCode()).as(revoke.err()).isZero();
        assertThat(http.get("/api/v1/admin/me", token).status()).isEqualTo(401);
        assertThat(CliRun.of("key", "list", "--org", code).out()).contains(keyId).contains("revoked");
    }

    @Test
    void operatorRegistersMembersMintsTheirKeysAndGrantsSinglePersonPublishing() {
        String code = TestCodes.unique("ijsselland");
        CliRun.of("org", "create", "--code", code, "--name", "Veiligheidsregio IJsselland", "--kind", "safety-region",
                "--area", "VR04");

        CliRun member = CliRun.of("member", "create", "--org", code, "--subject", "jdevries", "--name", "Jan de Vries");
        CliRun refused = CliRun.of("key", "create", "--org", code, "--label", "urgent", "--roles", "alert-urgent",
                "--member", "jdevries");
        CliRun granted = CliRun.of("org", "single-person-publishing", "--code", code, "--allow");
        CliRun key = CliRun.of("key", "create", "--org", code, "--label", "laptop", "--roles", "alert-issuer,alert-urgent",
                "--member", "jdevries");

        assertThat(member.exitCode()).as(member.err()).isZero();
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("may not publish without a second person");
        assertThat(granted.out()).contains("single-person publishing allowed");
        assertThat(key.exitCode()).as(key.err()).isZero();
        assertThat(key.out()).contains("member jdevries");
        String token = key.out().lines().filter(line -> line.startsWith("prt_")).findFirst().orElseThrow();
        assertThat(http.get("/api/v1/admin/me", token).json().get("person").getStringValue()).isEqualTo("member:jdevries");

        assertThat(CliRun.of("member", "remove", "--org", code, "--subject", "jdevries").exitCode()).isZero();
        assertThat(http.get("/api/v1/admin/me", token).status()).isEqualTo(401);
        assertThat(CliRun.of("member", "list", "--org", code).out()).contains("jdevries").contains("removed");
        assertThat(CliRun.of("org", "single-person-publishing", "--code", code, "--no-allow").out())
                .contains("not allowed");
    }

    @Test
    void invalidOrganisationIsRefusedAndNotStored() {
        String code = TestCodes.unique("nowhere");

        CliRun result = CliRun.of("org", "create", "--code", code, "--name", "Nowhere", "--kind", "municipality",
                "--area", "GM9999");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown area code 'GM9999'");
        assertThat(organisations.find(code)).isEmpty();
    }

    @Test
    void unknownRoleIsAUsageError() {
        CliRun result = CliRun.of("key", "create", "--org", "x", "--label", "y", "--roles", "superuser");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("superuser");
    }
}
