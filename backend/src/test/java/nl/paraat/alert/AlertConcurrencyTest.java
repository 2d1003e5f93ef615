package nl.paraat.alert;

import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.paraat.audit.AuditEntry;
import nl.paraat.audit.AuditService;
import nl.paraat.auth.AuthFixtures;
import nl.paraat.auth.OrganisationKind;
import nl.paraat.auth.Role;
import nl.paraat.testing.Http;
import nl.paraat.testing.MutableClock;
import nl.paraat.testing.ServerTestSupport;
import nl.paraat.testing.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** Twenty operators clicking at once: one publication, one push request, every other click a 409. */
@MicronautTest(transactional = false)
class AlertConcurrencyTest extends ServerTestSupport {

    private static final String ALERTS = "/api/v1/admin/alerts";
    private static final int OPERATORS = 20;
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));

    @Inject
    DataSource dataSource;
    @Inject
    AlertRepositories.Messages messages;
    @Inject
    AuditService audit;

    AuthFixtures.Member issuer;
    List<String> approvers;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @BeforeEach
    void setUp() {
        issuer = AuthFixtures.organisationWithKey(context, OrganisationKind.MUNICIPALITY, List.of("GM0150"), Role.ALERT_ISSUER);
        approvers = new ArrayList<>();
        for (int i = 0; i < OPERATORS; i++) {
            approvers.add(AuthFixtures.keyFor(context, issuer.organisation(), Role.ALERT_APPROVER));
        }
    }

    @Test
    void twentySimultaneousApprovalsPublishOnceAndRequestOnePush() throws Exception {
        long id = submitted(AlertJson.powerOutage("[\"GM0150\"]"));

        List<Integer> statuses = all(i -> http.post(ALERTS + "/" + id + "/approve", "", approvers.get(i)));

        assertThat(statuses).as(statuses.toString()).containsOnlyOnce(200).containsOnly(200, 409);
        assertThat(pushRequests(id)).isEqualTo(1);
        assertThat(audit.history("alert", Long.toString(id))).extracting(AuditEntry::action)
                .containsOnlyOnce("alert.approved");
    }

    @Test
    void twentyUpdatesOfOneMessageApprovedAtOnceLeaveExactlyOneActive() throws Exception {
        long original = submitted(AlertJson.powerOutage("[\"GM0150\"]"));
        assertThat(http.post(ALERTS + "/" + original + "/approve", "", approvers.get(0)).status()).isEqualTo(200);
        List<Long> updates = new ArrayList<>();
        for (int i = 0; i < OPERATORS; i++) {
            Http.Response update = http.post(ALERTS + "/" + original + "/update",
                    AlertJson.powerOutage("[\"GM0150\"]").replace("Stroomstoring in Deventer", "Update " + i), issuer.token());
            assertThat(update.status()).as(update.body()).isEqualTo(201);
            long updateId = update.json().get("id").getLongValue();
            assertThat(http.post(ALERTS + "/" + updateId + "/submit", "", issuer.token()).status()).isEqualTo(200);
            updates.add(updateId);
        }

        List<Integer> statuses = all(i -> http.post(ALERTS + "/" + updates.get(i) + "/approve", "", approvers.get(i)));

        assertThat(statuses).as(statuses.toString()).containsOnlyOnce(200).containsOnly(200, 409);
        List<Long> published = updates.stream()
                .filter(update -> messages.findById(update).orElseThrow().state() == AlertState.PUBLISHED).toList();
        assertThat(published).hasSize(1);
        assertThat(messages.findById(original).orElseThrow().state()).isEqualTo(AlertState.SUPERSEDED);
        assertThat(updates.stream().mapToLong(this::pushRequests).sum()).isEqualTo(1);
        // A later Update of the replaced message is refused, naming the current one.
        Http.Response stale = http.post(ALERTS + "/" + original + "/update", AlertJson.powerOutage("[\"GM0150\"]"), issuer.token());
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("alert " + published.get(0));
    }

    /** The push requests in push's outbox for the message. */
    private long pushRequests(long alertId) {
        return Sql.number(dataSource, "SELECT COUNT(*) FROM push_dispatch WHERE alert_id = " + alertId);
    }

    private long submitted(String json) {
        Http.Response created = http.post(ALERTS, json, issuer.token());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").getLongValue();
        assertThat(http.post(ALERTS + "/" + id + "/submit", "", issuer.token()).status()).isEqualTo(200);
        return id;
    }

    /** Fires all requests at the same moment and returns their statuses. */
    private List<Integer> all(IntFunction<Http.Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(OPERATORS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < OPERATORS; i++) {
                int operator = i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return request.apply(operator).status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
