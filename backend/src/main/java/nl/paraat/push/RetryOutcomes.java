package nl.paraat.push;

import jakarta.inject.Singleton;
import nl.paraat.common.RetriedTransactions;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes what one batch of retried messages did, in one transaction and one statement per outcome
 * (not one per message), so that retries run as fast as first sends.
 */
@Singleton
class RetryOutcomes {

    private final PushRepositories.Retries retries;
    private final RetriedTransactions transactions;

    RetryOutcomes(PushRepositories.Retries retries, RetriedTransactions transactions) {
        this.retries = retries;
        this.transactions = transactions;
    }

    /**
     * Run again when the database rolls it back to resolve a deadlock: the messages were sent, and outcomes
     * that were not written would have them sent once more when the lease runs out.
     *
     * @param failed by state and error, separated by a space: {@code "retired UNREGISTERED"}
     * @param later  the messages to try again, by when
     */
    void record(String owner, List<Long> sent, Map<String, List<Long>> failed, Map<Instant, List<Long>> later, Instant now) {
        transactions.write(() -> {
            if (!sent.isEmpty()) {
                retries.settle(sent, owner, PushRetry.SENT, null, now);
            }
            failed.forEach((stateAndError, ids) -> retries.settle(ids, owner,
                    stateAndError.substring(0, stateAndError.indexOf(' ')), stateAndError.substring(stateAndError.indexOf(' ') + 1), now));
            later.forEach((next, ids) -> retries.later(ids, owner, next, "TEMPORARY"));
            return null;
        });
    }
}
