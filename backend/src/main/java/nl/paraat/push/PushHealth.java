package nl.paraat.push;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether the push channel works. Refused credentials, a push service that answers nothing or only
 * temporary failures, or a failure share above the threshold make health DEGRADED for every caller,
 * set the gauge {@code paraat.push.degraded} and log one line when the state changes, never one per
 * message. After refused credentials sending pauses; when the pause is over, one message probes
 * whether the credentials work again before anything else is sent.
 */
@Singleton
@Requires(notEnv = Environment.CLI)
class PushHealth extends AbstractHealthIndicator<Map<String, Object>> {

    private static final Logger LOG = LoggerFactory.getLogger(PushHealth.class);
    // Not operational-false: that would make health 503 and take the instance, and the polling feed, out of service.
    static final HealthStatus DEGRADED = new HealthStatus("DEGRADED", "the push channel does not deliver", null, 1);
    static final Duration PAUSE = Duration.ofMinutes(1);
    /** Batches in a row without one message sent, all failing temporarily, before the channel counts as unreachable. */
    private static final int UNREACHABLE_AFTER = 3;
    /** Of the messages of the last batches, the share that may fail before health says so. */
    private static final double FAILURE_SHARE = 0.5;

    private final MeterRegistry metrics;
    private final Clock clock;
    private final AtomicInteger degraded = new AtomicInteger();
    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile Instant failingSince;
    private volatile Instant pausedUntil;
    private volatile String reason;
    private int batchesWithoutSend;
    private double recentShare;

    PushHealth(MeterRegistry metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
        metrics.gauge("paraat.push.degraded", degraded);
    }

    void authenticationFailed(String error) {
        Instant now = clock.instant();
        pausedUntil = now.plus(PAUSE);
        probing.set(false);
        metrics.counter("paraat.push.authentication.failures", "error", error).increment();
        change("the push service refuses Paraat's credentials (" + error + ")");
    }

    /** The answers to one batch: how many were sent and how many failed for a while. */
    synchronized void batchAnswered(int messages, int sent, int temporary) {
        if (messages == 0) {
            return;
        }
        probing.set(false);
        pausedUntil = null;
        batchesWithoutSend = sent == 0 && temporary == messages ? batchesWithoutSend + 1 : 0;
        // An average over roughly the last ten batches, so that one bad batch does not flip the state.
        double share = (double) (messages - sent) / messages;
        recentShare = recentShare * 0.9 + 0.1 * share;
        if (batchesWithoutSend >= UNREACHABLE_AFTER) {
            change("the push service answers nothing or only temporary failures");
        } else if (sent > 0 && share <= FAILURE_SHARE) {
            // A batch that mostly went through: the channel delivers again.
            recentShare = Math.min(recentShare, share);
            change(null);
        } else if (recentShare > FAILURE_SHARE) {
            change("more than half of the recent messages failed");
        }
    }

    /** Sending waits while the credentials were refused a short while ago. */
    boolean paused() {
        Instant until = pausedUntil;
        return until != null && clock.instant().isBefore(until);
    }

    /** The credentials were refused and no message has gone through since. */
    boolean credentialsRefused() {
        return failingSince != null && reasonIsCredentials();
    }

    /**
     * After a pause for refused credentials, the one caller that gets true sends a single message to
     * find out whether they work again; the others wait for its answer.
     */
    boolean takeProbe() {
        return probing.compareAndSet(false, true);
    }

    /** For operators who fixed the credentials, and for tests: try again at once. */
    void resume() {
        pausedUntil = null;
    }

    private boolean reasonIsCredentials() {
        String current = reason;
        return current != null && current.contains("credentials");
    }

    private synchronized void change(String next) {
        String before = reason;
        if (next == null ? before == null : next.equals(before)) {
            return;
        }
        reason = next;
        if (next == null) {
            failingSince = null;
            degraded.set(0);
            LOG.info("Push channel works again");
        } else {
            failingSince = failingSince == null ? clock.instant() : failingSince;
            degraded.set(1);
            LOG.error("Push channel degraded: {}", next);
        }
    }

    /** UP or DEGRADED, as health reports it. */
    String state() {
        return failingSince == null ? HealthStatus.UP.getName() : DEGRADED.getName();
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, Object> details = new LinkedHashMap<>();
        Instant since = failingSince;
        healthStatus = since == null ? HealthStatus.UP : DEGRADED;
        if (since != null) {
            details.put("failingSince", since.toString());
            details.put("reason", reason);
        }
        return details;
    }

    @Override
    protected String getName() {
        return "push";
    }
}
