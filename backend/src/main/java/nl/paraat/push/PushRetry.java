package nl.paraat.push;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * One device's message that failed for a while (throttled, unavailable, no answer, a failed batch). It
 * stays pending until it is sent, fails for good, or is skipped because its alert expired or was
 * superseded; settled rows remain for the delivery accounting.
 *
 * @param state {@code pending}, {@code sent}, {@code failed}, {@code retired} (failed: the token is dead) or
 *              {@code skipped}
 */
@MappedEntity("push_retry")
record PushRetry(@Id @GeneratedValue @Nullable Long id, long jobId, long deviceId, String token, String locale,
                 String state, int attempts, Instant nextAttemptAt, @Nullable String lastError,
                 @Nullable String leaseOwner, @Nullable Instant leaseUntil, Instant createdAt, @Nullable Instant settledAt) {

    static final String PENDING = "pending";
    static final String SENT = "sent";
    static final String FAILED = "failed";
    static final String RETIRED = "retired";
    static final String SKIPPED = "skipped";

    /** This row as it is once the owner has claimed it until then. */
    PushRetry claimedBy(String owner, Instant until) {
        return new PushRetry(id, jobId, deviceId, token, locale, state, attempts, nextAttemptAt, lastError, owner, until,
                createdAt, settledAt);
    }
}
