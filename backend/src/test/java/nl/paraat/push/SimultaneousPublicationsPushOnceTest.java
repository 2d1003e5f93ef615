package nl.paraat.push;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import nl.paraat.auth.AuthFixtures;
import nl.paraat.auth.OrganisationKind;
import nl.paraat.auth.Role;
import nl.paraat.testing.Http;
import nl.paraat.testing.ServerTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Twenty operators click at the same moment, through the real Firebase SDK against a fake FCM: one
 * publication, and each device of the area gets the alert exactly once.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimultaneousPublicationsPushOnceTest extends ServerTestSupport implements TestPropertyProvider {

    private static final int OPERATORS = 20;
    private static final int DEVICES = 60;

    private FakeFcm fcm;
    private AuthFixtures.Member issuer;
    private List<String> tokens;
    private String prefix;

    @Override
    public Map<String, String> getProperties() {
        fcm = FakeFcm.startLocal();
        Map<String, String> properties = fcm.channelProperties();
        properties.put("paraat.push.dispatch.chunk-size", "25");
        return properties;
    }

    @AfterAll
    void stop() {
        fcm.close();
    }

    @BeforeEach
    void setUp() {
        prefix = "once-" + System.nanoTime() + "-";
        issuer = AuthFixtures.organisationWithKey(context, OrganisationKind.MUNICIPALITY, List.of("GM0150"), Role.ALERT_ISSUER);
        String area = "GM0150";
        tokens = new ArrayList<>();
        for (int i = 0; i < DEVICES; i++) {
            Http.Response registered = http.post("/api/v1/devices", "", null);
            String id = registered.json().get("deviceId").getStringValue();
            String token = prefix + i;
            Http.Response updated = http.send("PUT", "/api/v1/devices/" + id, """
                    {"pushToken":"%s","platform":"android","locale":"nl","areas":["%s"],"testAlerts":false}"""
                    .formatted(token, area), "X-Device-Secret", registered.json().get("deviceSecret").getStringValue());
            assertThat(updated.status()).as(updated.body()).isEqualTo(200);
            tokens.add(token);
        }
    }

    @Test
    void twentySimultaneousApprovalsPushEachDeviceOnce() throws Exception {
        List<String> approvers = new ArrayList<>();
        for (int i = 0; i < OPERATORS; i++) {
            approvers.add(AuthFixtures.keyFor(context, issuer.organisation(), Role.ALERT_APPROVER));
        }
        long alert = drafted("Severe", "Expected");
        assertThat(http.post("/api/v1/admin/alerts/" + alert + "/submit", "", issuer.token()).status()).isEqualTo(200);

        List<Integer> statuses = all(i -> http.post("/api/v1/admin/alerts/" + alert + "/approve", "", approvers.get(i)));

        assertThat(statuses).as(statuses.toString()).containsOnlyOnce(200).containsOnly(200, 409);
        assertEachDeviceReceivedOnce();
    }

    @Test
    void twentySimultaneousSinglePersonPublicationsPushEachDeviceOnce() throws Exception {
        AuthFixtures.allowSinglePersonPublishing(context, issuer.organisation());
        List<String> urgent = new ArrayList<>();
        for (int i = 0; i < OPERATORS; i++) {
            urgent.add(AuthFixtures.keyFor(context, issuer.organisation(), Role.ALERT_URGENT));
        }
        long alert = drafted("Extreme", "Immediate");

        List<Integer> statuses = all(i -> http.post("/api/v1/admin/alerts/" + alert + "/publish-immediately", "",
                urgent.get(i)));

        assertThat(statuses).as(statuses.toString()).containsOnlyOnce(200).containsOnly(200, 409);
        assertEachDeviceReceivedOnce();
    }

    private void assertEachDeviceReceivedOnce() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (ours().size() < DEVICES && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        // Time for a second push to show itself, had one been requested.
        Thread.sleep(2_000);
        Map<String, Long> perToken = ours().stream()
                .collect(Collectors.groupingBy(message -> message.get("token").getStringValue(), TreeMap::new,
                        Collectors.counting()));
        assertThat(perToken.keySet()).containsExactlyInAnyOrderElementsOf(tokens);
        assertThat(perToken.values()).as("messages per device").containsOnly(1L);
    }

    /** Devices of other tests may share the area in a database that outlives a run. */
    private List<io.micronaut.json.tree.JsonNode> ours() {
        return fcm.received().stream().filter(message -> message.get("token").getStringValue().startsWith(prefix)).toList();
    }

    private long drafted(String severity, String urgency) {
        String expires = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        Http.Response draft = http.post("/api/v1/admin/alerts", """
                {"hazard":"flood","urgency":"%s","severity":"%s","certainty":"Observed","expires":"%s",
                 "area":{"codes":["GM0150"]},"infos":{"nl":{"headline":"Overstroming","description":"Ga naar hoger gelegen gebied."}}}
                """.formatted(urgency, severity, expires), issuer.token());
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        return draft.json().get("id").getLongValue();
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
