package nl.paraat.device;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.paraat.testing.Sql;
import nl.paraat.testing.TwoInstances;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Two instances of one deployment that start retiring stale push tokens at the same moment run one round. */
@MicronautTest(startApplication = false, transactional = false)
class TokenRetirementRunsOncePerDeploymentTest {

    private static final String PUBLIC_ID = "70ce000000000000000000000000dead";

    @Inject
    ApplicationContext context;
    @Inject
    DataSource dataSource;
    @Inject
    DeviceRepositories.Devices devices;
    @Inject
    StaleTokenRetirement retirement;

    @Test
    void twoInstancesRetiringAtTheSameMomentRunOneRound() throws Exception {
        Sql.execute(dataSource, "DELETE FROM device WHERE public_id = '" + PUBLIC_ID + "'",
                "INSERT INTO device (public_id, secret_hash, push_token, platform, locale, test_alerts, created_at, last_seen_at)"
                        + " VALUES ('" + PUBLIC_ID + "', '" + "0".repeat(64) + "', 'stale-token', 'ANDROID', 'nl', FALSE,"
                        + " '2000-01-01 00:00:00', '2000-01-01 00:00:00')");
        try (ApplicationContext other = TwoInstances.startBeside(context, Map.of())) {
            TwoInstances.releaseJobLocks(dataSource);
            double runsBefore = runs(context) + runs(other);

            TwoInstances.atTheSameMoment(retirement::retire, other.getBean(StaleTokenRetirement.class)::retire);

            assertThat(runs(context) + runs(other) - runsBefore).as("retirement rounds run").isEqualTo(1);
            assertThat(devices.findByPublicId(PUBLIC_ID).orElseThrow().pushToken()).isNull();
        } finally {
            Sql.execute(dataSource, "DELETE FROM device WHERE public_id = '" + PUBLIC_ID + "'");
        }
    }

    private static double runs(ApplicationContext instance) {
        return TwoInstances.jobRuns(instance, "push-token-retirement");
    }
}
