package nl.paraat.push;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The heartbeat: while this instance works on a chunk or on retried messages it renews their leases
 * three times per lease, so that slow answers or long backoffs never let another instance take over
 * work that is still going on. Only a lease whose instance stopped renewing runs out.
 */
@Singleton
@Requires(notEnv = Environment.CLI)
class LeaseKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

    private final PushRepositories.Chunks chunks;
    private final PushRepositories.Retries retries;
    private final PushSettings settings;
    private final Clock clock;
    private final String instance = "instance-" + UUID.randomUUID();
    private final Set<Long> heldChunks = ConcurrentHashMap.newKeySet();
    private final Set<Long> heldRetries = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "push-lease-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    LeaseKeeper(PushRepositories.Chunks chunks, PushRepositories.Retries retries, PushSettings settings, Clock clock) {
        this.chunks = chunks;
        this.retries = retries;
        this.settings = settings;
        this.clock = clock;
        long period = Math.max(50, settings.lease().toMillis() / 3);
        beat.scheduleWithFixedDelay(this::renew, period, period, TimeUnit.MILLISECONDS);
    }

    /** The name this instance holds its leases under. */
    String instance() {
        return instance;
    }

    Instant until() {
        return clock.instant().plus(settings.lease());
    }

    void holdChunk(long id) {
        heldChunks.add(id);
    }

    void letGoOfChunk(long id) {
        heldChunks.remove(id);
    }

    void holdRetries(List<Long> ids) {
        heldRetries.addAll(ids);
    }

    void letGoOfRetries(List<Long> ids) {
        ids.forEach(heldRetries::remove);
    }

    void renew() {
        try {
            if (!heldChunks.isEmpty()) {
                chunks.renew(List.copyOf(heldChunks), instance, until());
            }
            if (!heldRetries.isEmpty()) {
                retries.renew(List.copyOf(heldRetries), instance, until());
            }
        } catch (RuntimeException e) {
            LOG.warn("Renewing push leases failed; trying again at the next beat: {}", e.getMessage());
        }
    }

    /** Stops renewing, as a killed instance would; the leases run out and other instances take over. */
    @PreDestroy
    void stop() {
        beat.shutdownNow();
    }
}
