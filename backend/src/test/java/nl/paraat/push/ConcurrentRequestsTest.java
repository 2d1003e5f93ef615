package nl.paraat.push;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over a real network each request waits a round trip for FCM's answer, so the rate an instance can
 * reach is the number of requests it keeps awaiting an answer per round trip. The SDK's own pool stops
 * at 100; Paraat's setting raises the SDK's threads and connections together.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentRequestsTest extends FakeFcmTestSupport {

    private static final int CONCURRENT = 250;
    private static final int DEVICES = 300;

    @Override
    Map<String, String> pushSettings() {
        Map<String, String> properties = new HashMap<>();
        properties.put("paraat.push.concurrent-requests", Integer.toString(CONCURRENT));
        properties.put("paraat.push.dispatch.chunk-size", "1000");
        properties.put("paraat.push.poll-interval", "1h");
        return properties;
    }

    @Test
    void moreRequestsAwaitTheirAnswerAtOnceThanTheSdksHundredWhenConfigured() throws InterruptedException {
        PushTestAlerts.clear(dataSource);
        PushTestAlerts.devicesInDeventer(dataSource, "capacity-token", DEVICES);
        // A slow round trip, so that every request the instance can have open is open at the same moment.
        fcm.delayAnswers(300);

        PushTestAlerts.publishForDeventer(context, http);

        assertThat(fcm.awaitAccepted(DEVICES)).isEqualTo(DEVICES);
        assertThat(fcm.mostInFlight()).isGreaterThan(100).isLessThanOrEqualTo(CONCURRENT);
    }
}
