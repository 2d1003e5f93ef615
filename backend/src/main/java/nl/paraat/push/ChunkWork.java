package nl.paraat.push;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import nl.paraat.device.PushTarget;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends one claimed chunk batch by batch. Before each batch it notes the batch as on the wire, after
 * it records the batch's outcome and keeps temporary failures for later; so a crash resends at most
 * the one batch that was on the wire, and slow or failing messages never hold up the rest. A chunk
 * whose alert expired or was superseded sends nothing more.
 */
@Singleton
class ChunkWork {

    private final PushRepositories.Chunks chunks;
    private final PushRepositories.Jobs jobs;
    private final ChunkProgress progress;
    private final PushSender sender;
    private final PushHealth health;
    private final LeaseKeeper leases;
    private final Clock clock;

    ChunkWork(PushRepositories.Chunks chunks, PushRepositories.Jobs jobs, ChunkProgress progress, PushSender sender,
              PushHealth health, LeaseKeeper leases, Clock clock) {
        this.chunks = chunks;
        this.jobs = jobs;
        this.progress = progress;
        this.sender = sender;
        this.health = health;
        this.leases = leases;
        this.clock = clock;
    }

    /** Why what is left of a job must not go out, or null when it may. */
    @Nullable
    String skipReason(PushJob job, PushRequest content) {
        if (!content.expires().isAfter(clock.instant())) {
            return "EXPIRED";
        }
        return job.chain() != null && jobs.countLaterInChain(job.chain(), job.dispatchId()) > 0 ? "SUPERSEDED" : null;
    }

    /** @return whether the chunk is done (sent or skipped to its end) */
    boolean work(PushChunk chunk, PushJob job, PushRequest content, java.util.function.BooleanSupplier stopping) {
        String owner = leases.instance();
        leases.holdChunk(chunk.id());
        try {
            ChunkProgress.Totals totals = ChunkProgress.Totals.of(chunk);
            long cursor = chunk.cursorDevice() != null ? chunk.cursorDevice() : chunk.deviceFrom() - 1;
            // Devices up to here may have had their message already: their batch was on the wire when its instance stopped.
            long resendUpTo = chunk.inFlightTo() != null ? chunk.inFlightTo() : cursor;
            List<PushTarget> targets = sender.targets(content, cursor + 1, chunk.deviceTo());
            int index = 0;
            while (true) {
                if (stopping.getAsBoolean()) {
                    return false;
                }
                String skip = skipReason(job, content);
                if (skip != null || index >= targets.size()) {
                    totals.skipped += targets.size() - index;
                    progress.record(chunk, owner, chunk.deviceTo(), totals, List.of(), true);
                    return true;
                }
                int size = FcmPushChannel.MAX_BATCH;
                if (health.paused() || (health.credentialsRefused() && !health.takeProbe())) {
                    chunks.release(chunk.id(), owner);
                    return false;
                }
                if (health.credentialsRefused()) {
                    size = 1;
                }
                List<PushTarget> batch = targets.subList(index, Math.min(targets.size(), index + size));
                long last = batch.get(batch.size() - 1).deviceId();
                if (progress.sending(chunk, owner, last) == 0) {
                    return false;
                }
                PushSender.Attempt attempt;
                try {
                    attempt = sender.attempt(content, batch);
                } catch (PushSender.ChannelRefused refused) {
                    chunks.release(chunk.id(), owner);
                    throw refused;
                }
                List<PushRetry> later = add(totals, job, batch, attempt, resendUpTo);
                progress.record(chunk, owner, last, totals, later, false);
                index += batch.size();
            }
        } catch (ChunkProgress.LeaseLost lost) {
            return false;
        } finally {
            leases.letGoOfChunk(chunk.id());
        }
    }

    private List<PushRetry> add(ChunkProgress.Totals totals, PushJob job, List<PushTarget> batch, PushSender.Attempt attempt,
                                long resendUpTo) {
        totals.targeted += batch.size();
        totals.sent += attempt.sent();
        totals.failed += attempt.failed();
        totals.retired += attempt.retired();
        attempt.failures().forEach((reason, count) -> totals.failures.merge(reason, count, Integer::sum));
        if (attempt.sent() > 0) {
            totals.first = totals.first == null ? attempt.sentAt() : totals.first;
            totals.last = attempt.sentAt();
        }
        List<PushRetry> later = new ArrayList<>();
        java.util.Set<Integer> retryable = new java.util.HashSet<>(attempt.retryable());
        for (int i = 0; i < batch.size(); i++) {
            PushTarget target = batch.get(i);
            if (target.deviceId() <= resendUpTo && attempt.errors().get(i) == null && !retryable.contains(i)) {
                totals.resent++;
            }
            if (retryable.contains(i)) {
                later.add(new PushRetry(null, job.id(), target.deviceId(), target.token(), target.locale(), PushRetry.PENDING,
                        1, next(0, attempt.retryAfterOf(i)), "TEMPORARY", null, null, attempt.sentAt(), null));
            }
        }
        return later;
    }

    Instant next(int attempts, @Nullable Duration retryAfter) {
        Duration wait = sender.backoff(attempts);
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        return clock.instant().plus(wait);
    }
}
