package nl.paraat.push;

import jakarta.inject.Singleton;
import nl.paraat.device.PushTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tries again, with backoff, jitter and the push service's Retry-After, every message that failed for
 * a while, until it is sent or fails for good, or its alert expires or is superseded. A push is
 * complete only when none of its messages is pending any more.
 */
@Singleton
class RetryWork {

    private static final Logger LOG = LoggerFactory.getLogger(RetryWork.class);

    private final PushRepositories.Retries retries;
    private final PushRepositories.Jobs jobs;
    private final PushRequests requests;
    private final ChunkWork chunkWork;
    private final JobCompletion completion;
    private final PushSender sender;
    private final PushHealth health;
    private final LeaseKeeper leases;
    private final Clock clock;
    private final Object claiming = new Object();
    private final RetryOutcomes outcomes;

    RetryWork(PushRepositories.Retries retries, PushRepositories.Jobs jobs, PushRequests requests, ChunkWork chunkWork,
              JobCompletion completion, PushSender sender, PushHealth health, LeaseKeeper leases, Clock clock,
              RetryOutcomes outcomes) {
        this.outcomes = outcomes;
        this.retries = retries;
        this.jobs = jobs;
        this.requests = requests;
        this.chunkWork = chunkWork;
        this.completion = completion;
        this.sender = sender;
        this.health = health;
        this.leases = leases;
        this.clock = clock;
    }

    /** Gives up what is left of superseded and expired pushes, so that their successors may go out. */
    void sweep() {
        Instant now = clock.instant();
        for (PushJob job : jobs.findUnfinished()) {
            PushDispatch dispatch = requests.dispatch(job.dispatchId());
            String reason = dispatch.request() == null ? "EXPIRED" : chunkWork.skipReason(job, requests.content(job.dispatchId()));
            if (reason != null) {
                retries.skipPending(job.id(), reason, now);
            }
            completion.completeIfDone(job);
        }
    }

    boolean nothingPending() {
        return retries.countByState(PushRetry.PENDING) == 0;
    }

    /** When the first pending message that nobody holds is due, or null when none is pending (or push is paused). */
    @io.micronaut.core.annotation.Nullable
    Instant nextDue() {
        if (health.paused()) {
            return null;
        }
        List<PushRetry> next = retries.findNextPending(clock.instant());
        return next.isEmpty() ? null : next.get(0).nextAttemptAt();
    }

    /** @return whether there were due messages */
    boolean workDue() {
        if (health.paused()) {
            return false;
        }
        String owner = leases.instance();
        List<PushRetry> mine;
        List<Long> held;
        // The workers of one instance claim under one name: one at a time, so that none reads another's claim as its own.
        synchronized (claiming) {
            Instant now = clock.instant();
            List<PushRetry> due = retries.findDue(now);
            if (due.isEmpty()) {
                return false;
            }
            List<Long> ids = due.stream().map(PushRetry::id).toList();
            Instant until = leases.until();
            int claimed = retries.claim(ids, owner, until, now);
            // Claimed them all (the usual case): they are the rows just read. Else read back which are ours.
            mine = claimed == ids.size() ? due.stream().map(retry -> retry.claimedBy(owner, until)).toList()
                    : retries.findByLeaseOwnerAndStateAndIdIn(owner, PushRetry.PENDING, ids);
            held = mine.stream().map(PushRetry::id).toList();
            leases.holdRetries(held);
        }
        try {
            Map<Long, List<PushRetry>> byJob = new LinkedHashMap<>();
            mine.forEach(retry -> byJob.computeIfAbsent(retry.jobId(), job -> new ArrayList<>()).add(retry));
            for (Map.Entry<Long, List<PushRetry>> entry : byJob.entrySet()) {
                send(jobs.findById(entry.getKey()).orElseThrow(), entry.getValue(), owner);
            }
        } finally {
            leases.letGoOfRetries(held);
        }
        return !mine.isEmpty();
    }

    private void send(PushJob job, List<PushRetry> pending, String owner) {
        PushRequest content = requests.content(job.dispatchId());
        String skip = chunkWork.skipReason(job, content);
        if (skip != null) {
            retries.settle(pending.stream().map(PushRetry::id).toList(), owner, PushRetry.SKIPPED, skip, clock.instant());
            completion.completeIfDone(job);
            return;
        }
        int size = health.credentialsRefused() ? 1 : FcmPushChannel.MAX_BATCH;
        if (health.credentialsRefused() && !health.takeProbe()) {
            return;
        }
        List<PushRetry> batch = pending.subList(0, Math.min(size, pending.size()));
        List<PushTarget> targets = batch.stream().map(retry -> new PushTarget(retry.deviceId(), retry.token(), retry.locale()))
                .toList();
        PushSender.Attempt attempt;
        try {
            attempt = sender.attempt(content, targets);
        } catch (PushSender.ChannelRefused refused) {
            LOG.error("Push paused for {}: {}", PushHealth.PAUSE, refused.getMessage());
            return;
        }
        java.util.Set<Integer> retryable = new java.util.HashSet<>(attempt.retryable());
        List<Long> sent = new ArrayList<>();
        Map<String, List<Long>> failed = new LinkedHashMap<>();
        // one statement per group of messages due again at the same time, not one per message
        Map<NextTry, List<Long>> laterByAttempts = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            PushRetry retry = batch.get(i);
            if (retryable.contains(i)) {
                laterByAttempts.computeIfAbsent(new NextTry(retry.attempts(), attempt.retryAfterOf(i)), group -> new ArrayList<>())
                        .add(retry.id());
            } else if (attempt.errors().get(i) == null) {
                sent.add(retry.id());
            } else {
                String state = attempt.deadTokens().contains(i) ? PushRetry.RETIRED : PushRetry.FAILED;
                failed.computeIfAbsent(state + " " + attempt.errors().get(i), error -> new ArrayList<>()).add(retry.id());
            }
        }
        Map<Instant, List<Long>> later = new LinkedHashMap<>();
        laterByAttempts.forEach((group, ids) -> later.merge(chunkWork.next(group.attempts(), group.retryAfter()), ids,
                (some, more) -> java.util.stream.Stream.concat(some.stream(), more.stream()).toList()));
        outcomes.record(owner, sent, failed, later, clock.instant());
        if (later.isEmpty()) {
            // with messages tried again later the push is not complete: no need to count what is left
            completion.completeIfDone(job);
        }
    }

    /** What decides when a message is tried again: its tries so far and the wait the push service asked for, if any. */
    private record NextTry(int attempts, @io.micronaut.core.annotation.Nullable Duration retryAfter) {
    }
}
