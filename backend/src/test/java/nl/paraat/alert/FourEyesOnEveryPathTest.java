package nl.paraat.alert;

import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.paraat.auth.AuthFixtures;
import nl.paraat.auth.OrganisationKind;
import nl.paraat.auth.Role;
import nl.paraat.testing.Http;
import nl.paraat.testing.MutableClock;
import nl.paraat.testing.ServerTestSupport;
import nl.paraat.testing.TestCodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static nl.paraat.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The four-eyes rule on the paths besides the JSON workflow: CAP imports of a trusted feed, imports at
 * the same moment, and messages written before people were told apart.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FourEyesOnEveryPathTest extends ServerTestSupport implements TestPropertyProvider {

    private static final String CAP = "/api/v1/admin/alerts/cap";
    private static final String FEED = TestCodes.unique("feed");
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:30:00Z"));

    @Inject
    AlertRepositories.Messages messages;

    AuthFixtures.Member person;
    String feedKey;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of("paraat.alerts.trusted-feeds", FEED);
    }

    @BeforeEach
    void setUp() {
        if (person == null) {
            person = AuthFixtures.organisationWithKey(context, FEED, OrganisationKind.SAFETY_REGION, List.of("VR04"),
                    Role.ALERT_ISSUER, Role.ALERT_APPROVER);
            feedKey = AuthFixtures.systemKeyFor(context, FEED, Role.ALERT_ISSUER);
        }
    }

    @Test
    void onlyTheTrustedFeedsOwnSystemKeyPublishesAtOnceAPersonImportingGetsADraft() {
        Http.Response byPerson = importCap(CapSamples.deventer(unique()), person.token());
        Http.Response byFeed = importCap(CapSamples.deventer(unique()), feedKey);

        assertThat(byPerson.status()).as(byPerson.body()).isEqualTo(201);
        assertThat(byPerson.json().get("state").getStringValue()).isEqualTo("draft");
        assertThat(byFeed.status()).as(byFeed.body()).isEqualTo(201);
        assertThat(byFeed.json().get("state").getStringValue()).isEqualTo("published");
    }

    @Test
    void aPersonCannotCancelALiveAlertAloneThroughAnImport() {
        String identifier = unique();
        assertThat(importCap(CapSamples.deventer(identifier), feedKey).json().get("state").getStringValue())
                .isEqualTo("published");

        Http.Response cancel = importCap(CapSamples.deventer(unique(), "Cancel", "<references>lms@vr04.example,"
                + identifier + ",2026-11-25T11:00:00+01:00</references>",
                "52.24,6.14 52.24,6.18 52.27,6.18 52.27,6.14 52.24,6.14"), person.token());

        assertThat(cancel.status()).as(cancel.body()).isEqualTo(201);
        assertThat(cancel.json().get("state").getStringValue()).isEqualTo("draft");
        assertThat(messages.findByOrganisationAndIdentifier(person.organisation(), identifier).orElseThrow().state()).isEqualTo(AlertState.PUBLISHED);
    }

    @Test
    void tenImportsOfOneMessageAtOnceStoreItOnceAndNoneFails() throws Exception {
        String xml = CapSamples.deventer(unique());
        int operators = 10;
        ExecutorService pool = Executors.newFixedThreadPool(operators);
        List<Integer> statuses = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < operators; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return importCap(xml, person.token()).status();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses).as(statuses.toString()).containsOnlyOnce(201).containsOnly(201, 409);
    }

    @Test
    void aMessageWrittenBeforePeopleWereToldApartIsApprovedOnlyAfterAMemberEditedIt() {
        long id = importCap(CapSamples.deventer(unique()), person.token()).json().get("id").getLongValue();
        assertThat(http.post("/api/v1/admin/alerts/" + id + "/submit", "", person.token()).status()).isEqualTo(200);
        AlertMessage stored = messages.findById(id).orElseThrow();
        // As the rows of that time were: an author's key name and no contributors.
        messages.update(stored.withContributors(null));
        String other = AuthFixtures.keyFor(context, FEED, Role.ALERT_ISSUER, Role.ALERT_APPROVER);

        assertProblem(http.post("/api/v1/admin/alerts/" + id + "/approve", "", other), 409);

        assertThat(http.post("/api/v1/admin/alerts/" + id + "/reject", "", other).status()).isEqualTo(200);
        String body = http.get("/api/v1/admin/alerts/" + id, person.token()).body();
        Http.Response edited = http.put("/api/v1/admin/alerts/" + id, AlertJson.powerOutage("[\"GM0150\"]"), person.token());
        assertThat(edited.status()).as(edited.body() + body).isEqualTo(200);
        http.post("/api/v1/admin/alerts/" + id + "/submit", "", person.token());
        assertProblem(http.post("/api/v1/admin/alerts/" + id + "/approve", "", person.token()), 403);
        assertThat(http.post("/api/v1/admin/alerts/" + id + "/approve", "", other).status()).isEqualTo(200);
    }

    private Http.Response importCap(String xml, String token) {
        return http.post(CAP, "application/cap+xml", xml.getBytes(StandardCharsets.UTF_8), token);
    }

    private static String unique() {
        return "urn:oid:2.49.0.1.528.0." + UUID.randomUUID();
    }
}
