package nl.paraat.push;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import nl.paraat.device.DeviceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns push requests (push's outbox) into push work and does it, together with the other
 * instances: each message becomes a job of chunks of device ids, and each chunk is sent by the
 * instance that holds its lease. A chunk whose instance died is taken over when the lease runs out.
 */
@Singleton
@Requires(notEnv = Environment.CLI)
class PushDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(PushDispatcher.class);

    private final PushRequests requests;
    private final DeviceService devices;
    private final PushRepositories.Jobs jobs;
    private final PushRepositories.Chunks chunks;
    private final PushSender sender;
    private final PushHealth health;
    private final PushSettings settings;
    private final Clock clock;
    private final String instance = "instance-" + UUID.randomUUID();
    private final ExecutorService workers;
    private final ExecutorService coordinator = Executors.newSingleThreadExecutor(daemon("push-dispatch"));
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile boolean stopping;

    PushDispatcher(PushRequests requests, DeviceService devices, PushRepositories.Jobs jobs, PushRepositories.Chunks chunks,
                   PushSender sender, PushHealth health, PushSettings settings, Clock clock) {
        this.requests = requests;
        this.devices = devices;
        this.jobs = jobs;
        this.chunks = chunks;
        this.sender = sender;
        this.health = health;
        this.settings = settings;
        this.clock = clock;
        this.workers = Executors.newFixedThreadPool(Math.max(1, settings.workers()), daemon("push-worker"));
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    String instance() {
        return instance;
    }

    @Scheduled(fixedDelay = "${paraat.push.poll-interval:500ms}", initialDelay = "${paraat.push.poll-interval:500ms}")
    void poll() {
        wake();
    }

    /** This instance starts at once on the requests it wrote; the others join at their next poll. */
    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onRequested(PushRequested requested) {
        if (settings.startOnPublish()) {
            wake();
        }
    }

    /** Runs the dispatch on its own thread; a wake-up during a run queues one more run, never more. */
    private void wake() {
        if (queued.compareAndSet(false, true)) {
            coordinator.execute(() -> {
                queued.set(false);
                run();
            });
        }
    }

    void run() {
        try {
            plan();
        } catch (RuntimeException e) {
            LOG.warn("Push planning failed; retrying at the next poll: {}", e.getMessage());
        }
        // Several chunks at once, so that one worker reads its devices while another's batch is on the wire.
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < settings.workers(); i++) {
            running.add(workers.submit(this::workWhileChunksAreLeft));
        }
        for (Future<?> worker : running) {
            try {
                worker.get();
            } catch (ExecutionException e) {
                LOG.warn("Push worker failed: {}", e.getCause().getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void workWhileChunksAreLeft() {
        try {
            while (!stopping && !health.paused() && workOneChunk()) {
                // keep going while there is claimable work
            }
        } catch (PushSender.ChannelRefused refused) {
            LOG.error("Push stopped for {}: {}", PushHealth.PAUSE, refused.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Push dispatch failed; retrying at the next poll: {}", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        coordinator.shutdownNow();
        workers.shutdownNow();
    }

    /** Creates the job and its chunks for every push request that has none yet. */
    void plan() {
        for (PushDispatch dispatch : requests.unplanned()) {
            try {
                createJob(dispatch);
            } catch (RuntimeException duplicate) {
                // Another instance planned the same message at the same moment; its job stands.
                LOG.debug("Dispatch {} was planned elsewhere", dispatch.id());
            }
        }
    }

    @Transactional
    void createJob(PushDispatch dispatch) {
        long[] ids = settings.topicMode() ? new long[]{0, 0} : devices.deviceIdRange();
        int size = settings.chunkSize();
        // In topic mode one chunk holds the whole message: FCM fans it out.
        int count = settings.topicMode() ? 1 : ids[1] == 0 ? 0 : (int) ((ids[1] - ids[0]) / size + 1);
        Instant now = now();
        PushJob job = jobs.save(new PushJob(null, dispatch.id(), dispatch.alertId(), count, now, count == 0 ? now : null));
        for (int i = 0; i < count; i++) {
            long from = ids[0] + (long) i * size;
            chunks.save(new PushChunk(null, job.id(), from, from + size - 1, false, null, null, 0, 0, 0, 0, 0, "", null, null));
        }
        if (count == 0) {
            requests.markDispatched(dispatch.id(), now);
        }
    }

    /** @return whether a chunk was claimed and sent */
    boolean workOneChunk() {
        Instant now = now();
        for (PushChunk candidate : chunks.findClaimable(now)) {
            if (chunks.claim(candidate.id(), instance, now.plus(settings.lease()), now) == 1) {
                send(candidate);
                return true;
            }
        }
        return false;
    }

    private void send(PushChunk chunk) {
        PushJob job = jobs.findById(chunk.jobId()).orElseThrow();
        PushRequest content = requests.content(job.dispatchId());
        PushSender.Outcome outcome = settings.topicMode() ? sender.sendToTopics(content)
                : sender.send(content, chunk.deviceFrom(), chunk.deviceTo());
        if (stopping || Thread.currentThread().isInterrupted()) {
            // Sends cut short by the stop count as failures here; left unfinished, the chunk goes to another instance.
            LOG.info("Stopping with push chunk {} unfinished; another instance takes it over when its lease runs out", chunk.id());
            return;
        }
        int completed = chunks.complete(chunk.id(), instance, outcome.targeted(), outcome.sent(), outcome.failed(),
                outcome.retired(), outcome.failuresText(), outcome.firstSentAt(), outcome.lastSentAt());
        if (completed == 0) {
            LOG.warn("Lease on push chunk {} ran out while sending; another instance takes it over", chunk.id());
            return;
        }
        if (chunks.countByJobIdAndDoneFalse(job.id()) == 0 && jobs.complete(job.id(), now()) == 1) {
            requests.markDispatched(job.dispatchId(), now());
            LOG.info("Push of alert {} complete", job.alertId());
        }
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
