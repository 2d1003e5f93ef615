package nl.paraat.push;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instance that stops in the middle of a fan-out (a rolling deployment, a crash) leaves its chunk
 * unfinished; another instance takes it over when the lease runs out, and no device is missed.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstanceStopsMidFanOutTest extends FakeFcmTestSupport {

    private static final int DEVICES = 60;
    private static final int CHUNK = 10;

    @Inject
    PushDispatcher dispatcher;

    @Override
    Map<String, String> pushSettings() {
        Map<String, String> properties = new HashMap<>();
        // This instance only publishes; the test lets it work when the other one has stopped.
        properties.put("paraat.push.poll-interval", "1h");
        properties.put("paraat.push.dispatch.start-on-publish", "false");
        properties.put("paraat.push.dispatch.chunk-size", Integer.toString(CHUNK));
        properties.put("paraat.push.dispatch.lease", "2s");
        return properties;
    }

    @Test
    void noDeviceIsMissedWhenAnInstanceStopsInTheMiddleOfAFanOut() throws InterruptedException {
        PushTestAlerts.clear(dataSource);
        PushTestAlerts.devicesInDeventer(dataSource, "stopped-token", DEVICES);
        fcm.delayAnswers(100);
        PushTestAlerts.Published alert;
        try (ApplicationContext other = ApplicationContext.run(otherInstance(), "test")) {
            alert = PushTestAlerts.publishForDeventer(context, http);
            assertThat(fcm.awaitAccepted(CHUNK + 5)).isGreaterThanOrEqualTo(CHUNK + 5);
            // Stops while a chunk is on the wire.
        }
        fcm.delayAnswers(0);
        long beforeTakeOver = fcm.accepted();
        assertThat(beforeTakeOver).isLessThan(DEVICES);

        // The stopped instance's lease (2 s, kept in whole seconds on MariaDB) has to run out first.
        io.micronaut.json.tree.JsonNode delivery = takeOverUntilComplete(alert, Instant.now().plusSeconds(10));

        Map<String, Long> perToken = fcm.received().stream()
                .map(message -> message.get("token").getStringValue())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(perToken).hasSize(DEVICES);
        // Only the chunk that was on the wire when the instance stopped can have been sent twice.
        assertThat(perToken.values().stream().filter(count -> count > 1).count()).isLessThanOrEqualTo(CHUNK);
        assertThat(fcm.accepted() - beforeTakeOver).isPositive();
        // Sends cut short by the stop are not the chunk's final result: the instance that took it over sent it whole.
        assertThat(delivery.get("complete").getBooleanValue()).isTrue();
        assertThat(delivery.get("sent").getIntValue()).isEqualTo(DEVICES);
        assertThat(delivery.get("failed").getIntValue()).isZero();
    }

    private io.micronaut.json.tree.JsonNode takeOverUntilComplete(PushTestAlerts.Published alert, Instant deadline)
            throws InterruptedException {
        while (true) {
            Thread.sleep(200);
            dispatcher.run();
            io.micronaut.json.tree.JsonNode delivery = http.get("/api/v1/admin/alerts/" + alert.alertId() + "/delivery",
                    alert.issuerToken()).json();
            if (delivery.get("complete").getBooleanValue() || Instant.now().isAfter(deadline)) {
                return delivery;
            }
        }
    }

    private Map<String, Object> otherInstance() {
        Map<String, Object> properties = PushTestAlerts.sameDatabaseAs(context);
        properties.putAll(fcm.channelProperties());
        properties.put("paraat.push.poll-interval", "100ms");
        properties.put("paraat.push.dispatch.chunk-size", Integer.toString(CHUNK));
        properties.put("paraat.push.dispatch.lease", "2s");
        properties.put("paraat.push.dispatch.workers", "1");
        properties.put("micronaut.server.port", "-1");
        return properties;
    }
}
