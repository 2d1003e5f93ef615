package nl.paraat.push;

import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.paraat.testing.ServerTestSupport;
import org.junit.jupiter.api.AfterAll;

import javax.sql.DataSource;
import java.util.Map;

/**
 * A server whose push goes through the real SDK to a fake FCM of its own, for tests that watch what
 * arrives there. Afterwards it leaves no devices or push work behind for the tests that follow.
 */
abstract class FakeFcmTestSupport extends ServerTestSupport implements TestPropertyProvider {

    @Inject
    DataSource dataSource;

    FakeFcm fcm;

    /** The push settings of this test's server, beside those that point it at the fake. */
    abstract Map<String, String> pushSettings();

    @Override
    public Map<String, String> getProperties() {
        fcm = FakeFcm.startLocal();
        Map<String, String> properties = fcm.channelProperties();
        properties.putAll(pushSettings());
        return properties;
    }

    @AfterAll
    void stopFakeAndClear() {
        fcm.close();
        PushTestAlerts.clear(dataSource);
    }
}
