package nl.paraat.alert;

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
 * Marks published messages as expired once their time is up, so the workflow and audit show it. One
 * instance of a deployment does it per round: on two at once, both would expire and audit the same
 * message.
 */
@Singleton
@Requires(notEnv = Environment.CLI)
class AlertExpiry {

    private static final Logger LOG = LoggerFactory.getLogger(AlertExpiry.class);

    private final AlertPublication alerts;
    private final Counter runs;

    AlertExpiry(AlertPublication alerts, MeterRegistry meters) {
        this.alerts = alerts;
        this.runs = meters.counter("paraat.jobs.runs", "job", "alert-expiry");
    }

    // Held at least a little less than the 30 s between rounds, so that another instance's round just
    // after this one is skipped; a crashed instance's lock runs out after 5 minutes.
    @Scheduled(fixedDelay = "${paraat.alerts.expiry-check:30s}", initialDelay = "${paraat.alerts.expiry-initial-delay:0s}")
    @SchedulerLock(name = "alert-expiry", lockAtLeastFor = "25s", lockAtMostFor = "5m")
    void expire() {
        runs.increment();
        try {
            int expired = alerts.expire();
            if (expired > 0) {
                LOG.info("{} alerts expired", expired);
            }
        } catch (RuntimeException e) {
            LOG.warn("Expiring alerts failed: {}", e.getMessage());
        }
    }
}
