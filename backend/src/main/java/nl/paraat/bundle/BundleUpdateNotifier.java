package nl.paraat.bundle;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import net.javacrumbs.shedlock.micronaut.SchedulerLock;
import nl.paraat.content.ContentConfiguration;
import nl.paraat.push.SilentPushes;
import nl.paraat.region.RegionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Tells apps with a silent push when the offline bundle of their safety region changed (content,
 * points or alerts), so that they refresh it before a crisis takes the internet away. Throttled per
 * region; one instance of a deployment checks per round, and each notice is claimed before it is sent.
 */
@Singleton
@Requires(notEnv = Environment.CLI)
class BundleUpdateNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(BundleUpdateNotifier.class);
    private static final int SAFETY_REGIONS = 25;
    /** The baseline version was never told to anyone, so it does not hold back the first real notice. */
    private static final Instant NEVER = Instant.parse("2000-01-01T00:00:00Z");

    private final BundleService bundles;
    private final BundleNotices notices;
    private final SilentPushes pushes;
    private final RegionService regions;
    private final BundleUpdateSettings settings;
    private final String sourceLocale;
    private final Clock clock;
    private final Counter runs;

    BundleUpdateNotifier(BundleService bundles, BundleNotices notices, SilentPushes pushes, RegionService regions,
                         BundleUpdateSettings settings, ContentConfiguration content, Clock clock, MeterRegistry meters) {
        this.bundles = bundles;
        this.notices = notices;
        this.pushes = pushes;
        this.regions = regions;
        this.settings = settings;
        this.sourceLocale = content.sourceLocale();
        this.clock = clock;
        this.runs = meters.counter("paraat.jobs.runs", "job", "bundle-update-notices");
    }

    @Scheduled(fixedDelay = "${paraat.push.bundle-updates.check-interval:10m}",
            initialDelay = "${paraat.push.bundle-updates.check-interval:10m}")
    // Held at least a little less than the 10 minutes between checks; a round that tells every device
    // of all regions stays well within 30 minutes, after which a crashed instance's lock runs out.
    @SchedulerLock(name = "bundle-update-notices", lockAtLeastFor = "9m", lockAtMostFor = "30m")
    void check() {
        runs.increment();
        if (!settings.enabled()) {
            return;
        }
        for (int number = 1; number <= SAFETY_REGIONS; number++) {
            String region = String.format("VR%02d", number);
            try {
                notifyIfChanged(region);
            } catch (RuntimeException e) {
                LOG.warn("Bundle update notice for {} failed; trying again at the next check: {}", region, e.getMessage());
            }
        }
    }

    /** @return how many devices were told; 0 when nothing changed, it is too soon, or another instance sends */
    int notifyIfChanged(String region) {
        String version = bundles.version(region, sourceLocale);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        if (notices.insertIfAbsent(region, version, NEVER) == 1
                || notices.claim(region, version, now, now.minus(settings.minInterval())) == 0) {
            return 0;
        }
        int told = pushes.toFollowersOf(regions.municipalitiesOf(region),
                Map.of("type", "bundle-update", "region", region, "version", version), "bundle-" + region, Duration.ofDays(1));
        LOG.info("Told {} devices in {} that their offline bundle changed (version {})", told, region, version);
        return told;
    }
}
