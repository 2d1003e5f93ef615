package nl.paraat.push;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import nl.paraat.auth.Caller;
import nl.paraat.auth.Role;
import nl.paraat.common.ProblemException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Delivery accounting per alert, for the organisation that sent it. */
@Singleton
@Requires(notEnv = Environment.CLI)
class DeliveryService {

    private final PushRequests requests;
    private final PushRepositories.Jobs jobs;
    private final PushRepositories.Chunks chunks;
    private final PushRepositories.Retries retries;

    DeliveryService(PushRequests requests, PushRepositories.Jobs jobs, PushRepositories.Chunks chunks,
                    PushRepositories.Retries retries) {
        this.requests = requests;
        this.jobs = jobs;
        this.chunks = chunks;
        this.retries = retries;
    }

    @ReadOnly
    Delivery delivery(long alertId, Caller caller) {
        PushDispatch dispatch = requireReadable(alertId, caller);
        List<PushJob> found = jobs.findByAlertId(alertId);
        List<PushChunk> parts = found.isEmpty() ? List.of() : chunks.findByJobIdIn(found.stream().map(PushJob::id).toList());
        int targeted = 0;
        int sent = 0;
        int failed = 0;
        int retired = 0;
        int resent = 0;
        int done = 0;
        Instant first = null;
        Instant last = null;
        Map<String, Integer> failures = new TreeMap<>();
        for (PushChunk chunk : parts) {
            // Every recorded batch counts, also of chunks still being sent.
            done += chunk.done() ? 1 : 0;
            targeted += chunk.targeted() + chunk.skipped();
            sent += chunk.sent();
            failed += chunk.failed();
            retired += chunk.retired();
            resent += chunk.resent();
            first = earliest(first, chunk.firstSentAt());
            last = latest(last, chunk.lastSentAt());
            for (String entry : chunk.failures().split(",")) {
                if (entry.contains("=")) {
                    failures.merge(entry.substring(0, entry.indexOf('=')), Integer.parseInt(entry.substring(entry.indexOf('=') + 1)),
                            Integer::sum);
                }
            }
        }
        int pending = 0;
        Instant oldestPending = null;
        for (PushRepositories.RetryTally tally : found.isEmpty() ? List.<PushRepositories.RetryTally>of()
                : retries.tally(found.stream().map(PushJob::id).toList())) {
            int count = (int) tally.count();
            switch (tally.state()) {
                case PushRetry.SENT -> {
                    sent += count;
                    // a message that went out on a later try is the push's last send
                    last = latest(last, tally.latest());
                }
                case PushRetry.PENDING -> {
                    pending += count;
                    oldestPending = earliest(oldestPending, tally.oldest());
                }
                default -> {
                    retired += PushRetry.RETIRED.equals(tally.state()) ? count : 0;
                    failed += count;
                    failures.merge(tally.lastError() == null ? "UNKNOWN" : tally.lastError(), count, Integer::sum);
                }
            }
        }
        for (PushChunk chunk : parts) {
            if (chunk.skipped() > 0) {
                failed += chunk.skipped();
                failures.merge("NOT_SENT_EXPIRED_OR_SUPERSEDED", chunk.skipped(), Integer::sum);
            }
        }
        boolean complete = !found.isEmpty() && found.stream().allMatch(job -> job.completedAt() != null);
        return new Delivery(alertId, targeted, sent, failed, failures, retired, resent, pending, oldestPending, parts.size(),
                done, first, last, complete,
                dispatch.request() != null && requests.content(dispatch.id()).publishedAlone());
    }

    /** Members with an alert role of the organisation that sent the message; push knows it from the request. */
    private PushDispatch requireReadable(long alertId, Caller caller) {
        if (!caller.roles().contains(Role.ALERT_ISSUER) && !caller.roles().contains(Role.ALERT_APPROVER)) {
            throw ProblemException.forbidden("This needs the role 'alert-issuer' or 'alert-approver'.");
        }
        PushDispatch dispatch = requests.ofAlert(alertId)
                .orElseThrow(() -> ProblemException.notFound("No published alert " + alertId + "."));
        if (!dispatch.organisation().equals(caller.organisation())) {
            throw ProblemException.forbidden("Alert " + alertId + " belongs to another organisation.");
        }
        return dispatch;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
