package nl.paraat.push;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.paraat.testing.Http;
import nl.paraat.testing.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topic changes an instance recorded but could not apply (FCM unreachable) are in the database:
 * the instance that runs next applies them.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TopicChangesSurviveRestartTest extends FakeFcmTestSupport {

    @Override
    Map<String, String> pushSettings() {
        // This instance only holds the fake; the two instances of the test do the work.
        return Map.of("paraat.push.dispatch.mode", "topic", "paraat.push.poll-interval", "1h",
                "paraat.push.topics.poll-interval", "1h");
    }

    @Test
    void changesAnInstanceCouldNotApplyAreAppliedByTheInstanceThatStartsAfterIt() throws Exception {
        Map<String, Set<String>> expected = new TreeMap<>();
        try (EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, instance(unreachableEndpoint()), "test")) {
            Http firstHttp = new Http(first, json);
            for (int i = 0; i < 5; i++) {
                String token = "restart-token-" + i;
                List<String> areas = List.of(i % 2 == 0 ? "GM0150" : "GM0268");
                Http.Response registered = firstHttp.post("/api/v1/devices", "", null);
                Instant started = Instant.now();
                Http.Response updated = firstHttp.send("PUT", "/api/v1/devices/" + registered.json().get("deviceId").getStringValue(),
                        "{\"pushToken\":\"" + token + "\",\"platform\":\"ios\",\"locale\":\"nl\",\"areas\":[\"" + areas.get(0)
                                + "\"],\"testAlerts\":false}",
                        "X-Device-Secret", registered.json().get("deviceSecret").getStringValue());
                assertThat(updated.status()).isEqualTo(200);
                assertThat(Duration.between(started, Instant.now())).as("registration time").isLessThan(Duration.ofSeconds(2));
                expected.put(token, Topics.forDevice(areas, "nl", false));
            }
        }
        assertThat(fcm.topics().topicsOf(expected.keySet()).values()).allMatch(Set::isEmpty);

        try (ApplicationContext second = ApplicationContext.run(instance(fcm.endpoint()), "test")) {
            assertThat(fcm.topics().awaitTopicsOf(expected, Duration.ofSeconds(30))).isEqualTo(expected);
        }
        assertThat(Sql.number(dataSource, "SELECT COUNT(*) FROM push_topic_change WHERE token LIKE 'restart-token-%'"))
                .isZero();
    }

    private Map<String, Object> instance(String fcmEndpoint) {
        Map<String, Object> properties = PushTestAlerts.sameDatabaseAs(context);
        properties.putAll(fcm.channelProperties());
        properties.put("paraat.push.endpoint", fcmEndpoint);
        properties.put("paraat.push.timeout", "1s");
        properties.put("paraat.push.dispatch.mode", "topic");
        properties.put("paraat.push.poll-interval", "1h");
        properties.put("paraat.push.topics.poll-interval", "200ms");
        properties.put("paraat.push.topics.backoff", "200ms");
        properties.put("paraat.push.topics.lease", "2s");
        properties.put("micronaut.server.port", "-1");
        return properties;
    }

    /** An address where nothing listens: FCM as an instance sees it when its network to Google is down. */
    private static String unreachableEndpoint() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }
}
