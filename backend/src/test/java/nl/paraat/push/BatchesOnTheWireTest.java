package nl.paraat.push;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two workers prepare chunks at the same time, but an instance has no more push-service batches on
 * the wire than configured: measured at the fake FCM as the most requests waiting for an answer at once.
 */
abstract class BatchesOnTheWireTest extends FakeFcmTestSupport {

    private static final int CHUNK = 10;
    private static final int DEVICES = 40;

    abstract int batchesInFlight();

    @Override
    Map<String, String> pushSettings() {
        Map<String, String> properties = new HashMap<>();
        properties.put("paraat.push.dispatch.chunk-size", Integer.toString(CHUNK));
        properties.put("paraat.push.dispatch.workers", "2");
        properties.put("paraat.push.dispatch.batches-in-flight", Integer.toString(batchesInFlight()));
        properties.put("paraat.push.poll-interval", "1h");
        return properties;
    }

    @Test
    void noMoreBatchesAreOnTheWireThanConfigured() throws InterruptedException {
        PushTestAlerts.clear(dataSource);
        PushTestAlerts.devicesInDeventer(dataSource, "wire-token", DEVICES);
        // Slow answers keep each batch on the wire long enough for the other worker's batch to meet it.
        fcm.delayAnswers(150);

        PushTestAlerts.publishForDeventer(context, http);

        assertThat(fcm.awaitAccepted(DEVICES)).isEqualTo(DEVICES);
        // A batch holds at most one chunk's devices.
        assertThat(fcm.mostInFlight()).isLessThanOrEqualTo(batchesInFlight() * CHUNK).isGreaterThan((batchesInFlight() - 1) * CHUNK);
    }
}
