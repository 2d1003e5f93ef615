package nl.paraat.push;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import nl.paraat.common.RetriedTransactions;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes what one batch of a chunk did, in one transaction: the chunk's totals and cursor, and the
 * messages to try again later. If the lease went to another instance meanwhile nothing is written.
 */
@Singleton
class ChunkProgress {

    private final PushRepositories.Chunks chunks;
    private final RetryInserts retries;
    private final RetriedTransactions transactions;

    ChunkProgress(PushRepositories.Chunks chunks, RetryInserts retries, RetriedTransactions transactions) {
        this.chunks = chunks;
        this.retries = retries;
        this.transactions = transactions;
    }

    /** The running totals of a chunk, continued from what its row recorded. */
    static final class Totals {
        int targeted;
        int sent;
        int failed;
        int retired;
        int resent;
        int skipped;
        final Map<String, Integer> failures = new TreeMap<>();
        @Nullable Instant first;
        @Nullable Instant last;

        static Totals of(PushChunk chunk) {
            Totals totals = new Totals();
            totals.targeted = chunk.targeted();
            totals.sent = chunk.sent();
            totals.failed = chunk.failed();
            totals.retired = chunk.retired();
            totals.resent = chunk.resent();
            totals.skipped = chunk.skipped();
            for (String entry : chunk.failures().split(",")) {
                if (entry.contains("=")) {
                    totals.failures.merge(entry.substring(0, entry.indexOf('=')),
                            Integer.parseInt(entry.substring(entry.indexOf('=') + 1)), Integer::sum);
                }
            }
            totals.first = chunk.firstSentAt();
            totals.last = chunk.lastSentAt();
            return totals;
        }

        String failuresText() {
            return failures.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
        }
    }

    static final class LeaseLost extends RuntimeException {
        LeaseLost(long chunk) {
            super("the lease on push chunk " + chunk + " went to another instance");
        }
    }

    /**
     * Notes the batch up to {@code inFlightTo} as on the wire, run again when the database rolls it back to resolve
     * a deadlock: failing, it would leave the chunk leased and idle until the lease ran out.
     *
     * @return 0 when another instance holds the chunk now
     */
    int sending(PushChunk chunk, String owner, long inFlightTo) {
        return transactions.write(() -> chunks.sending(chunk.id(), owner, inFlightTo));
    }

    /**
     * Run again when the database rolls it back to resolve a deadlock: the batch was sent, and a record
     * that failed would leave it to be sent once more when the lease runs out.
     *
     * @throws LeaseLost when another instance holds the chunk now; the retries are then not kept either
     */
    void record(PushChunk chunk, String owner, long cursor, Totals totals, List<PushRetry> later, boolean done) {
        transactions.write(() -> {
            if (!later.isEmpty()) {
                retries.insert(later);
            }
            int written = chunks.record(chunk.id(), owner, cursor, totals.targeted, totals.sent, totals.failed, totals.retired,
                    totals.failuresText(), totals.resent, totals.skipped, totals.first, totals.last, done);
            if (written == 0) {
                throw new LeaseLost(chunk.id());
            }
            return written;
        });
    }
}
