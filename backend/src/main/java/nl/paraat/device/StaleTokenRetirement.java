package nl.paraat.device;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import net.javacrumbs.shedlock.micronaut.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retires stale push tokens every 6 hours on one instance of a deployment. The lock is taken here,
 * around the service's transaction, so that it is held until that transaction has committed.
 */
@Singleton
@Requires(notEnv = Environment.CLI)
class StaleTokenRetirement {

    private static final Logger LOG = LoggerFactory.getLogger(StaleTokenRetirement.class);

    private final DeviceService devices;
    private final Counter runs;

    StaleTokenRetirement(DeviceService devices, MeterRegistry meters) {
        this.devices = devices;
        this.runs = meters.counter("paraat.jobs.runs", "job", "push-token-retirement");
    }

    // Held at least 5 of the 6 hours between rounds; a crashed instance's lock runs out by then too,
    // and retiring tokens a round later does no harm.
    @Scheduled(fixedDelay = "6h", initialDelay = "1m")
    @SchedulerLock(name = "push-token-retirement", lockAtLeastFor = "5h", lockAtMostFor = "5h")
    void retire() {
        runs.increment();
        try {
            devices.retireStaleTokens();
        } catch (RuntimeException e) {
            LOG.warn("Retiring stale push tokens failed: {}", e.getMessage());
        }
    }
}
