package nl.paraat.push;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.paraat.testing.ServerTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.time.Duration;
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
class InstanceStopsMidFanOutTest extends ServerTestSupport implements TestPropertyProvider {

    private static final int DEVICES = 60;
    private static final int CHUNK = 10;

    @Inject
    DataSource dataSource;
    @Inject
    PushDispatcher dispatcher;

    private FakeFcm fcm;

    @Override
    public Map<String, String> getProperties() {
        fcm = FakeFcm.startLocal();
        Map<String, String> properties = fcm.channelProperties();
        // This instance only publishes; the test lets it work when the other one has stopped.
        properties.put("paraat.push.poll-interval", "1h");
        properties.put("paraat.push.dispatch.start-on-publish", "false");
        properties.put("paraat.push.dispatch.chunk-size", Integer.toString(CHUNK));
        properties.put("paraat.push.dispatch.lease", "2s");
        return properties;
    }

    @AfterAll
    void stop() {
        fcm.close();
        PushTestAlerts.clear(dataSource);
    }

    @Test
    void noDeviceIsMissedWhenAnInstanceStopsInTheMiddleOfAFanOut() throws InterruptedException {
        PushTestAlerts.clear(dataSource);
        PushTestAlerts.devicesInDeventer(dataSource, "stopped-token", DEVICES);
        fcm.delayAnswers(100);
        PushTestAlerts.Published alert;
        try (ApplicationContext other = ApplicationContext.run(otherInstance(), "test")) {
            alert = PushTestAlerts.publishForDeventer(context, http);
            waitFor(() -> fcm.accepted() >= CHUNK + 5);
            // Stops while a chunk is on the wire.
        }
        fcm.delayAnswers(0);
        long beforeTakeOver = fcm.accepted();
        assertThat(beforeTakeOver).isLessThan(DEVICES);

        Thread.sleep(2_100);
        dispatcher.plan();
        while (dispatcher.workOneChunk()) {
            // until no chunk is left to claim
        }

        Map<String, Long> perToken = fcm.received().stream()
                .map(message -> message.get("token").getStringValue())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(perToken).hasSize(DEVICES);
        // Only the chunk that was on the wire when the instance stopped can have been sent twice.
        assertThat(perToken.values().stream().filter(count -> count > 1).count()).isLessThanOrEqualTo(CHUNK);
        assertThat(fcm.accepted() - beforeTakeOver).isPositive();
        // Sends cut short by the stop are not the chunk's final result: the instance that took it over sent it whole.
        io.micronaut.json.tree.JsonNode delivery = http.get("/api/v1/admin/alerts/" + alert.alertId() + "/delivery",
                alert.issuerToken()).json();
        assertThat(delivery.get("complete").getBooleanValue()).isTrue();
        assertThat(delivery.get("sent").getIntValue()).isEqualTo(DEVICES);
        assertThat(delivery.get("failed").getIntValue()).isZero();
    }

    private Map<String, Object> otherInstance() {
        Map<String, Object> properties = new HashMap<>(fcm.channelProperties());
        properties.put("datasources.default.url", context.getRequiredProperty("datasources.default.url", String.class));
        properties.put("datasources.default.username", context.getRequiredProperty("datasources.default.username", String.class));
        properties.put("datasources.default.password", context.getProperty("datasources.default.password", String.class).orElse(""));
        properties.put("paraat.push.poll-interval", "100ms");
        properties.put("paraat.push.dispatch.chunk-size", Integer.toString(CHUNK));
        properties.put("paraat.push.dispatch.lease", "2s");
        properties.put("paraat.push.dispatch.workers", "1");
        properties.put("micronaut.server.port", "-1");
        return properties;
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean() && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }
}
