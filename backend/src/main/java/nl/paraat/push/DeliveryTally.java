package nl.paraat.push;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** Adds up the recorded chunks and retries of the jobs of one channel, or of all of them. */
final class DeliveryTally {

    static final String NOT_SENT = "NOT_SENT_EXPIRED_OR_SUPERSEDED";

    private int targeted;
    private int sent;
    private int failed;
    private int retired;
    private int resent;
    private int pending;
    private Instant oldestPending;
    private Instant first;
    private Instant last;
    private final Map<String, Integer> failures = new TreeMap<>();

    /** Every recorded batch counts, also of chunks still being sent. */
    void add(PushChunk chunk) {
        targeted += chunk.targeted() + chunk.skipped();
        sent += chunk.sent();
        failed += chunk.failed() + chunk.skipped();
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
        if (chunk.skipped() > 0) {
            failures.merge(NOT_SENT, chunk.skipped(), Integer::sum);
        }
    }

    /** Messages that failed in their batch: each is pending, was sent on a later try, or failed for good. */
    void add(PushRepositories.RetryTally tally) {
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

    void add(DeliveryTally other) {
        targeted += other.targeted;
        sent += other.sent;
        failed += other.failed;
        retired += other.retired;
        resent += other.resent;
        pending += other.pending;
        oldestPending = earliest(oldestPending, other.oldestPending);
        first = earliest(first, other.first);
        last = latest(last, other.last);
        other.failures.forEach((reason, count) -> failures.merge(reason, count, Integer::sum));
    }

    ChannelDelivery channel() {
        return new ChannelDelivery(targeted, sent, resent, pending, oldestPending, failed, java.util.Collections.unmodifiableMap(new TreeMap<>(failures)),
                retired, first, last);
    }

    int targeted() {
        return targeted;
    }

    int sent() {
        return sent;
    }

    int failed() {
        return failed;
    }

    Map<String, Integer> failures() {
        return new TreeMap<>(failures);
    }

    int retired() {
        return retired;
    }

    int resent() {
        return resent;
    }

    int pending() {
        return pending;
    }

    Instant oldestPending() {
        return oldestPending;
    }

    Instant first() {
        return first;
    }

    Instant last() {
        return last;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
