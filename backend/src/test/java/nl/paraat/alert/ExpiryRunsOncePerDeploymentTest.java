package nl.paraat.alert;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.paraat.testing.Sql;
import nl.paraat.testing.TwoInstances;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Two instances of one deployment that start an expiry round at the same moment expire and audit each alert once. */
@MicronautTest(startApplication = false, transactional = false)
// No round at start-up: one still finishing after the locks were released would hold the lock through the race.
@Property(name = "paraat.alerts.expiry-check", value = "1h")
@Property(name = "paraat.alerts.expiry-initial-delay", value = "1h")
class ExpiryRunsOncePerDeploymentTest {

    private static final String ORGANISATION = "expiry-once";
    private static final int ALERTS = 30;

    @Inject
    ApplicationContext context;
    @Inject
    DataSource dataSource;
    @Inject
    AlertRepositories.Messages messages;
    @Inject
    AlertExpiry expiry;

    @Test
    void twoInstancesExpiringAtTheSameMomentExpireAndAuditEachAlertOnce() throws Exception {
        try (ApplicationContext other = TwoInstances.startBeside(context, Map.of("paraat.alerts.expiry-check", "1h",
                "paraat.alerts.expiry-initial-delay", "1h"))) {
            List<Long> expired = publishedAndExpired();
            TwoInstances.releaseJobLocks(dataSource);
            double runsBefore = runs(context) + runs(other);

            TwoInstances.atTheSameMoment(expiry::expire, other.getBean(AlertExpiry.class)::expire);

            for (long id : expired) {
                assertThat(messages.findById(id).orElseThrow().state()).isEqualTo(AlertState.EXPIRED);
                assertThat(expiredAudits(id)).as("alert.expired audit rows of alert " + id).isEqualTo(1);
            }
            assertThat(runs(context) + runs(other) - runsBefore).as("expiry rounds run").isEqualTo(1);
        } finally {
            messages.deleteAll(messages.findByOrganisationOrderByIdDesc(ORGANISATION));
            Sql.execute(dataSource, "DELETE FROM audit_event WHERE organisation_code = '" + ORGANISATION + "'");
        }
    }

    private List<Long> publishedAndExpired() {
        Sql.execute(dataSource, "DELETE FROM audit_event WHERE organisation_code = '" + ORGANISATION + "'");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < ALERTS; i++) {
            AlertMessage saved = messages.save(new AlertMessage(null, "urn:paraat:expiry-once:" + now.toEpochMilli() + ":" + i,
                    ORGANISATION, Cap.Status.Actual, Cap.MsgType.Alert, null, "power-outage", Cap.Category.Infra,
                    Cap.Urgency.Immediate, Cap.Severity.Severe, Cap.Certainty.Observed, null, null,
                    now.minus(1, ChronoUnit.MINUTES), null, "GM0150", "", "", "GM0150", AlertState.PUBLISHED, "tester",
                    null, false, now.minus(1, ChronoUnit.HOURS), null, now.minus(1, ChronoUnit.HOURS), null,
                    now.minus(1, ChronoUnit.HOURS), "", null, 0L, "", null, null, null, null, null));
            ids.add(saved.id());
        }
        return ids;
    }

    private long expiredAudits(long alertId) throws SQLException {
        DataSource target = dataSource instanceof DelegatingDataSource delegating ? delegating.getTargetDataSource() : dataSource;
        try (Connection connection = target.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT COUNT(*) FROM audit_event WHERE action = 'alert.expired' AND target_id = ?")) {
            query.setString(1, Long.toString(alertId));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static double runs(ApplicationContext instance) {
        return TwoInstances.jobRuns(instance, "alert-expiry");
    }
}
