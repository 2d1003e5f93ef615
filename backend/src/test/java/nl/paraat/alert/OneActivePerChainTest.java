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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * At most one message of a chain (a message, its updates and its cancellation) is active, under
 * simultaneous single-person publications too, and the database itself refuses a second one.
 */
@MicronautTest(transactional = false)
class OneActivePerChainTest extends ServerTestSupport {

    private static final String ALERTS = "/api/v1/admin/alerts";
    private static final int OPERATORS = 20;
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private static final String EXTREME = AlertJson.powerOutage("[\"GM0150\"]").replace("\"Severe\"", "\"Extreme\"")
            .replace("\"Expected\"", "\"Immediate\"");

    @Inject
    AlertRepositories.Messages messages;
    @Inject
    AuditService audit;

    AuthFixtures.Member issuer;
    List<String> urgent;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-11-25T10:00:00Z"));
        issuer = AuthFixtures.organisationWithKey(context, OrganisationKind.MUNICIPALITY, List.of("GM0150"),
                Role.ALERT_ISSUER);
        AuthFixtures.allowSinglePersonPublishing(context, issuer.organisation());
        urgent = new ArrayList<>();
        for (int i = 0; i < OPERATORS; i++) {
            urgent.add(AuthFixtures.keyFor(context, issuer.organisation(), Role.ALERT_URGENT));
        }
    }

    @Test
    void twentySimultaneousSinglePersonPublicationsOfOneDraftPublishItOnce() throws Exception {
        long id = drafted(ALERTS, EXTREME);

        List<Integer> statuses = all(i -> http.post(ALERTS + "/" + id + "/publish-immediately", "", urgent.get(i)));

        assertThat(statuses).as(statuses.toString()).containsOnlyOnce(200).containsOnly(200, 409);
        assertThat(messages.findById(id).orElseThrow().state()).isEqualTo(AlertState.PUBLISHED);
        assertThat(audit.history("alert", Long.toString(id))).extracting(AuditEntry::action)
                .containsOnlyOnce("alert.published-immediately");
    }

    @Test
    void twentyUpdatesPublishedAloneAtOnceLeaveExactlyOneActive() throws Exception {
        long original = drafted(ALERTS, EXTREME);
        assertThat(http.post(ALERTS + "/" + original + "/publish-immediately", "", urgent.get(0)).status()).isEqualTo(200);
        List<Long> updates = new ArrayList<>();
        for (int i = 0; i < OPERATORS; i++) {
            updates.add(drafted(ALERTS + "/" + original + "/update", EXTREME.replace("Stroomstoring in Deventer", "Update " + i)));
        }

        List<Integer> statuses = all(i -> http.post(ALERTS + "/" + updates.get(i) + "/publish-immediately", "", urgent.get(i)));

        assertThat(statuses).as(statuses.toString()).containsOnlyOnce(200).containsOnly(200, 409);
        assertThat(updates.stream().filter(update -> messages.findById(update).orElseThrow().state() == AlertState.PUBLISHED))
                .hasSize(1);
        assertThat(messages.findById(original).orElseThrow().state()).isEqualTo(AlertState.SUPERSEDED);
    }

    @Test
    void theDatabaseRefusesASecondActiveMessageOfAChain() {
        long original = drafted(ALERTS, EXTREME);
        assertThat(http.post(ALERTS + "/" + original + "/publish-immediately", "", urgent.get(0)).status()).isEqualTo(200);
        long update = drafted(ALERTS + "/" + original + "/update", EXTREME);
        AlertMessage draft = messages.findById(update).orElseThrow();
        assertThat(draft.chainRootId()).isEqualTo(original);

        // As a transition that skipped the workflow's checks would: publish the update while the original is active.
        assertThatThrownBy(() -> messages.update(draft.withState(AlertState.PUBLISHED, "bypass", false, clock.instant())))
                .isInstanceOf(io.micronaut.data.exceptions.DataAccessException.class);

        assertThat(messages.findById(update).orElseThrow().state()).isEqualTo(AlertState.DRAFT);
        assertThat(messages.findById(original).orElseThrow().activeChain()).isEqualTo(original);
    }

    @Test
    void anUpdateOfAnUpdateStaysInTheChainOfTheFirstMessage() {
        long original = drafted(ALERTS, EXTREME);
        http.post(ALERTS + "/" + original + "/publish-immediately", "", urgent.get(0));
        long first = drafted(ALERTS + "/" + original + "/update", EXTREME);
        assertThat(http.post(ALERTS + "/" + first + "/publish-immediately", "", urgent.get(1)).status()).isEqualTo(200);
        long second = drafted(ALERTS + "/" + first + "/cancel", "");

        assertThat(http.post(ALERTS + "/" + second + "/publish-immediately", "", urgent.get(2)).status())
                .as("a cancellation is Minor and Past: it needs a second person").isEqualTo(403);
        assertThat(messages.findById(second).orElseThrow().chainRootId()).isEqualTo(original);
        assertThat(messages.findById(first).orElseThrow().activeChain()).isEqualTo(original);
        assertThat(messages.findById(original).orElseThrow().activeChain()).isNull();
    }

    private long drafted(String path, String json) {
        Http.Response created = http.post(path, json, issuer.token());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").getLongValue();
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
