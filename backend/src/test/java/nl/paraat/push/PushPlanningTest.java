package nl.paraat.push;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.paraat.testing.ServerTestSupport;
import nl.paraat.testing.Sql;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Planning looks past requests that already have a job, however many there are. */
@MicronautTest(transactional = false)
@Property(name = "paraat.push.poll-interval", value = "1h")
@Property(name = "paraat.push.dispatch.start-on-publish", value = "false")
class PushPlanningTest extends ServerTestSupport {

    /** Alert ids far beyond any the tests create. */
    private static final long STUCK = 900_000_000L;

    @Inject
    PushDispatcher dispatcher;
    @Inject
    DataSource dataSource;

    @Test
    void aNewRequestIsPlannedBehindManyWhoseJobsAreUnderWayOrWereLeftUnmarked() {
        PushTestAlerts.clear(dataSource);
        // Older requests than a page of planning holds, each with a job: under way, or done but not marked so.
        String requests = IntStream.range(0, 25).mapToObj(i -> "(%d, 'elsewhere', '{}', CURRENT_TIMESTAMP)"
                .formatted(STUCK + i)).collect(Collectors.joining(", "));
        try {
            Sql.execute(dataSource, "INSERT INTO push_dispatch (alert_id, organisation, request, created_at) VALUES " + requests,
                    "INSERT INTO push_job (dispatch_id, alert_id, chunks, created_at) SELECT id, alert_id, 0, CURRENT_TIMESTAMP"
                            + " FROM push_dispatch WHERE alert_id >= " + STUCK);
            PushTestAlerts.Published published = PushTestAlerts.publishForDeventer(context, http);

            dispatcher.plan();

            assertThat(Sql.number(dataSource, "SELECT COUNT(*) FROM push_job WHERE alert_id = " + published.alertId()))
                    .isEqualTo(1);
        } finally {
            PushTestAlerts.clear(dataSource);
            Sql.execute(dataSource, "DELETE FROM push_dispatch WHERE alert_id >= " + STUCK);
        }
    }
}
