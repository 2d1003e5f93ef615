package nl.paraat.push;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When the push service refuses Paraat's credentials, sending stops for a while instead of burning
 * through retries, health reports the push channel as degraded, and a counter alarms.
 */
@Singleton
@Requires(notEnv = Environment.CLI)
class PushHealth extends AbstractHealthIndicator<Map<String, Object>> {

    static final HealthStatus DEGRADED = new HealthStatus("DEGRADED", "push channel refuses Paraat's credentials", true, 1);
    static final Duration PAUSE = Duration.ofMinutes(1);

    private final MeterRegistry metrics;
    private final Clock clock;
    private volatile Instant failingSince;
    private volatile Instant pausedUntil;

    PushHealth(MeterRegistry metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    void authenticationFailed(String error) {
        Instant now = clock.instant();
        if (failingSince == null) {
            failingSince = now;
        }
        pausedUntil = now.plus(PAUSE);
        metrics.counter("paraat.push.authentication.failures", "error", error).increment();
    }

    void sent() {
        failingSince = null;
    }

    boolean paused() {
        Instant until = pausedUntil;
        return until != null && clock.instant().isBefore(until);
    }

    /** For operators who fixed the credentials, and for tests: try again at once. */
    void resume() {
        pausedUntil = null;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, Object> details = new LinkedHashMap<>();
        Instant since = failingSince;
        healthStatus = since == null ? HealthStatus.UP : DEGRADED;
        if (since != null) {
            details.put("authenticationFailingSince", since.toString());
        }
        return details;
    }

    @Override
    protected String getName() {
        return "push";
    }
}
