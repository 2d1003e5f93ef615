package nl.paraat.alert;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Marks published messages as expired once their time is up, so the workflow and audit show it. */
@Singleton
@Requires(notEnv = Environment.CLI)
class AlertExpiry {

    private static final Logger LOG = LoggerFactory.getLogger(AlertExpiry.class);

    private final AlertService alerts;

    AlertExpiry(AlertService alerts) {
        this.alerts = alerts;
    }

    @Scheduled(fixedDelay = "${paraat.alerts.expiry-check:30s}")
    void expire() {
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
