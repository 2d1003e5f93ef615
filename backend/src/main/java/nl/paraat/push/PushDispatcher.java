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
    private final LeaseKeeper leases;
    private final ChunkWork chunkWork;
    private final RetryWork retryWork;
    private final JobCompletion completion;
    private final ChunkProgress progress;
    private final ExecutorService workers;
    private final ExecutorService coordinator = Executors.newSingleThreadExecutor(daemon("push-dispatch"));
    private final java.util.concurrent.ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(daemon("push-retry-timer"));
    /** When the timer wakes the dispatch next for a retry that falls due, or null when it is not set. */
    private final java.util.concurrent.atomic.AtomicReference<Instant> wakeAt = new java.util.concurrent.atomic.AtomicReference<>();
    private final AtomicBoolean queued = new AtomicBoolean();
    /** Whether the next run plans new requests and sweeps finished pushes first; a due retry alone needs neither. */
    private final AtomicBoolean planNext = new AtomicBoolean();
    private volatile boolean stopping;

    PushDispatcher(PushRequests requests, DeviceService devices, PushRepositories.Jobs jobs, PushRepositories.Chunks chunks,
                   PushSender sender, PushHealth health, PushSettings settings, Clock clock, LeaseKeeper leases,
                   ChunkWork chunkWork, RetryWork retryWork, JobCompletion completion, ChunkProgress progress) {
        this.requests = requests;
        this.devices = devices;
        this.jobs = jobs;
        this.chunks = chunks;
        this.sender = sender;
        this.health = health;
        this.settings = settings;
        this.clock = clock;
        this.leases = leases;
        this.chunkWork = chunkWork;
        this.retryWork = retryWork;
        this.completion = completion;
        this.progress = progress;
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
        return leases.instance();
    }

    @Scheduled(fixedDelay = "${paraat.push.poll-interval:500ms}", initialDelay = "${paraat.push.poll-interval:500ms}")
    void poll() {
        wake(true);
    }

    /** This instance starts at once on the requests it wrote; the others join at their next poll. */
    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onRequested(PushRequested requested) {
        if (settings.startOnPublish()) {
            wake(true);
        }
    }

    /** Runs the dispatch on its own thread; a wake-up during a run queues one more run, never more. */
    private void wake(boolean planning) {
        if (planning) {
            planNext.set(true);
        }
        if (queued.compareAndSet(false, true)) {
            coordinator.execute(() -> {
                queued.set(false);
                run(planNext.getAndSet(false));
            });
        }
    }

    void run() {
        run(true);
    }

    /**
     * @param planning plan new requests and sweep finished pushes first: at every poll and publication, not
     *                 when only a retry fell due (that would count every pending message of a push many times a second)
     */
    private void run(boolean planning) {
        try {
            if (planning) {
                plan();
                retryWork.sweep();
            }
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
        wakeWhenTheNextRetryIsDue();
    }

    /**
     * A message waiting for its retry goes out when it is due, not up to a poll interval later: under
     * faults a message may need many tries, and each would otherwise wait for the next poll as well.
     */
    private void wakeWhenTheNextRetryIsDue() {
        Instant due;
        try {
            due = stopping ? null : retryWork.nextDue();
        } catch (RuntimeException e) {
            LOG.debug("Could not read when the next retry is due: {}", e.getMessage());
            return;
        }
        if (due == null) {
            return;
        }
        // Not sooner than a moment from now: a due message that this run could not take waits for that moment.
        Instant at = Instant.ofEpochMilli(Math.max(due.toEpochMilli(), clock.millis() + MIN_WAKE_DELAY_MILLIS));
        Instant set = wakeAt.get();
        if (set != null && !set.isAfter(at) || !wakeAt.compareAndSet(set, at)) {
            return;
        }
        try {
            timer.schedule(() -> {
                if (wakeAt.compareAndSet(at, null)) {
                    wake(false);
                }
            }, Math.max(0, at.toEpochMilli() - clock.millis()), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            wakeAt.compareAndSet(at, null);
        }
    }

    private static final long MIN_WAKE_DELAY_MILLIS = 50;

    /**
     * Messages whose retry is due go first, a batch at a time between chunks, so that a device that was
     * tried once waits no longer than one chunk for its next try, and retries run on every worker at once.
     */
    private void workWhileChunksAreLeft() {
        try {
            while (!stopping && !health.paused() && (retryWork.workDue() || workOneChunk())) {
                // keep going while there is due or claimable work
            }
        } catch (PushSender.ChannelRefused refused) {
            LOG.debug("Push paused: {}", refused.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Push dispatch failed; retrying at the next poll: {}", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        timer.shutdownNow();
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
        String chain = dispatch.request() == null ? null : requests.content(dispatch.id()).collapseKey();
        PushJob job = jobs.save(new PushJob(null, dispatch.id(), dispatch.alertId(), count, now, count == 0 ? now : null,
                chain, sender.channelName()));
        for (int i = 0; i < count; i++) {
            long from = ids[0] + (long) i * size;
            chunks.save(PushChunk.open(job.id(), from, from + size - 1));
        }
        if (count == 0) {
            requests.markDispatched(dispatch.id(), now);
        }
    }

    /** @return whether a chunk was claimed */
    boolean workOneChunk() {
        Instant now = now();
        for (PushChunk candidate : chunks.findClaimable(now)) {
            if (chunks.claim(candidate.id(), instance(), leases.until(), now) == 1) {
                send(chunks.findById(candidate.id()).orElseThrow());
                return true;
            }
        }
        return false;
    }

    private void send(PushChunk chunk) {
        PushJob job = jobs.findById(chunk.jobId()).orElseThrow();
        PushRequest content = requests.content(job.dispatchId());
        boolean done;
        if (settings.topicMode()) {
            PushSender.Outcome outcome = sender.sendToTopics(content);
            ChunkProgress.Totals totals = ChunkProgress.Totals.of(chunk);
            totals.targeted = outcome.targeted();
            totals.sent = outcome.sent();
            totals.failed = outcome.failed();
            totals.failures.putAll(outcome.failures());
            totals.first = outcome.firstSentAt();
            totals.last = outcome.lastSentAt();
            progress.record(chunk, instance(), chunk.deviceTo(), totals, List.of(), true);
            done = true;
        } else {
            done = chunkWork.work(chunk, job, content, () -> stopping || Thread.currentThread().isInterrupted());
        }
        if (!done) {
            LOG.info("Push chunk {} left unfinished; it is taken over when its lease runs out", chunk.id());
            return;
        }
        completion.completeIfDone(job);
    }

    /**
     * No chunk left unfinished and no message pending a retry, on any instance: for operators' checks and
     * tests. Not "nothing claimable": a chunk another worker has just claimed is not claimable but not sent either.
     */
    boolean idle() {
        return chunks.countByDoneFalse() == 0 && retryWork.nothingPending();
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
