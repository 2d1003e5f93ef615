package nl.paraat.bundle;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.paraat.push.PushTestAlerts;
import nl.paraat.push.RecordedPushes;
import nl.paraat.testing.Sql;
import nl.paraat.testing.TwoInstances;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Two instances of one deployment that start a bundle-update check at the same moment check and send once. */
@MicronautTest(startApplication = false, transactional = false)
@Property(name = "paraat.push.poll-interval", value = "1h")
@Property(name = "paraat.push.bundle-updates.check-interval", value = "1h")
class BundleNoticesRunOncePerDeploymentTest {

    private static final Map<String, Object> OTHER_INSTANCE = Map.of(
            "paraat.push.poll-interval", "1h", "paraat.push.bundle-updates.check-interval", "1h");

    @Inject
    ApplicationContext context;
    @Inject
    DataSource dataSource;
    @Inject
    BundleUpdateNotifier notifier;

    @Test
    void twoInstancesCheckingAtTheSameMomentSendEachNoticeOnce() throws Exception {
        PushTestAlerts.clear(dataSource);
        PushTestAlerts.devicesInDeventer(dataSource, "bundle-once", 1);
        // Every region was told an older version long ago, so each check finds a change to announce.
        String notices = IntStream.rangeClosed(1, 25)
                .mapToObj(number -> "('VR%02d', 'older', '2000-01-01 00:00:00')".formatted(number))
                .collect(Collectors.joining(", "));
        Sql.execute(dataSource, "DELETE FROM push_bundle_notice",
                "INSERT INTO push_bundle_notice (region, version, notified_at) VALUES " + notices);
        try (ApplicationContext other = TwoInstances.startBeside(context, OTHER_INSTANCE)) {
            TwoInstances.releaseJobLocks(dataSource);
            double runsBefore = runs(context) + runs(other);
            long sentBefore = bundleNotices(context) + bundleNotices(other);

            TwoInstances.atTheSameMoment(notifier::check, other.getBean(BundleUpdateNotifier.class)::check);

            assertThat(runs(context) + runs(other) - runsBefore).as("bundle-update checks run").isEqualTo(1);
            assertThat(bundleNotices(context) + bundleNotices(other) - sentBefore).as("notices sent").isEqualTo(1);
        } finally {
            PushTestAlerts.clear(dataSource);
            Sql.execute(dataSource, "DELETE FROM push_bundle_notice");
        }
    }

    private static long bundleNotices(ApplicationContext instance) {
        return RecordedPushes.of(instance).stream().filter(message -> "bundle-VR04".equals(message.collapseKey())).count();
    }

    private static double runs(ApplicationContext instance) {
        return TwoInstances.jobRuns(instance, "bundle-update-notices");
    }
}
