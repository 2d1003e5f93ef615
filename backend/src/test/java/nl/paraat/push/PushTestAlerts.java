package nl.paraat.push;

import io.micronaut.context.ApplicationContext;
import nl.paraat.auth.AuthFixtures;
import nl.paraat.auth.OrganisationKind;
import nl.paraat.auth.Role;
import nl.paraat.testing.Http;
import nl.paraat.testing.Sql;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Devices and a published alert for tests that watch the push at the fake FCM. */
public final class PushTestAlerts {

    private PushTestAlerts() {
    }

    /** The settings of another Paraat instance on this context's database. */
    static Map<String, Object> sameDatabaseAs(ApplicationContext context) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", context.getRequiredProperty("datasources.default.url", String.class));
        properties.put("datasources.default.username", context.getRequiredProperty("datasources.default.username", String.class));
        properties.put("datasources.default.password", context.getProperty("datasources.default.password", String.class).orElse(""));
        return properties;
    }

    /** Forgets all devices and push work (topic changes too), and treats every earlier publication as pushed. */
    public static void clear(DataSource dataSource) {
        Sql.execute(dataSource, "DELETE FROM push_retry", "DELETE FROM push_chunk", "DELETE FROM push_job",
                "UPDATE push_dispatch SET dispatched_at = CURRENT_TIMESTAMP WHERE dispatched_at IS NULL",
                "DELETE FROM push_topic_change", "DELETE FROM device_area", "DELETE FROM device");
    }

    /** Devices in Deventer with the tokens {@code prefix-0} to {@code prefix-(count-1)}, with consecutive ids. */
    public static void devicesInDeventer(DataSource dataSource, String prefix, int count) {
        String rows = IntStream.range(0, count)
                .mapToObj(i -> "('%s', '%s', '%s-%d', '%s', 'ANDROID', 'nl', FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
                        .formatted(java.util.UUID.randomUUID().toString().replace("-", ""), "0".repeat(64), prefix, i,
                                nl.paraat.common.Secrets.hash(prefix + "-" + i)))
                .collect(Collectors.joining(", "));
        Sql.execute(dataSource,
                "INSERT INTO device (public_id, secret_hash, push_token, push_token_digest, platform, locale, test_alerts,"
                        + " created_at, last_seen_at) VALUES " + rows,
                "INSERT INTO device_area (device_id, municipality) SELECT id, 'GM0150' FROM device WHERE push_token LIKE '"
                        + prefix + "-%'");
    }

    /** A published alert, and the issuer's token that may read its delivery. */
    record Published(long alertId, String issuerToken) {
    }

    /** Publishes a flood alert for Deventer through the API, as issuer and approver of a safety region. */
    static Published publishForDeventer(ApplicationContext context, Http http) {
        AuthFixtures.Member issuer = AuthFixtures.organisationWithKey(context, OrganisationKind.SAFETY_REGION,
                List.of("VR04"), Role.ALERT_ISSUER);
        String approver = AuthFixtures.keyFor(context, issuer.organisation(), Role.ALERT_APPROVER);
        String expires = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        long alert = http.post("/api/v1/admin/alerts", """
                {"hazard":"flood","urgency":"Immediate","severity":"Extreme","certainty":"Observed","expires":"%s",
                 "area":{"codes":["GM0150"]},"infos":{"nl":{"headline":"Overstroming","description":"Ga naar hoger gelegen gebied."}}}
                """.formatted(expires), issuer.token()).json().get("id").getLongValue();
        http.post("/api/v1/admin/alerts/" + alert + "/submit", "", issuer.token());
        assertThat(http.post("/api/v1/admin/alerts/" + alert + "/approve", "", approver).status()).isEqualTo(200);
        return new Published(alert, issuer.token());
    }

    /** Runs rounds of an instance's dispatch, as its poll would, until nothing is left to send or retry. */
    static void drain(PushDispatcher instance) {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
        instance.run();
        while (!instance.idle() && java.time.Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            instance.run();
        }
    }
}
