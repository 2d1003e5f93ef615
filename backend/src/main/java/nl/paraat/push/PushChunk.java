package nl.paraat.push;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * The devices with ids in {@code [deviceFrom, deviceTo]} for one push job. An instance holds a lease
 * while it sends and renews it while it works; only an expired lease is taken over. Progress is
 * recorded after every batch, so that a chunk taken over after a crash resumes behind the last
 * recorded batch and resends at most the batch that was on the wire.
 *
 * @param failed       messages that failed for good on their first attempt (temporary failures are in push_retry)
 * @param failures     those failures by reason, as "REASON=count,REASON=count"
 * @param cursorDevice the last device id whose batch was recorded; null before the first
 * @param inFlightTo   the last device id of the batch on the wire, until it is recorded
 * @param resent       messages sent again because their batch was on the wire when its instance stopped
 * @param skipped      devices not sent to because the alert expired or was superseded first
 */
@MappedEntity("push_chunk")
record PushChunk(@Id @GeneratedValue @Nullable Long id, long jobId, long deviceFrom, long deviceTo, boolean done,
                 @Nullable String leaseOwner, @Nullable Instant leaseUntil, int attempts, int targeted, int sent,
                 int failed, int retired, String failures, @Nullable Instant firstSentAt, @Nullable Instant lastSentAt,
                 @Nullable Long cursorDevice, @Nullable Long inFlightTo, int resent, int skipped) {

    static PushChunk open(long jobId, long from, long to) {
        return new PushChunk(null, jobId, from, to, false, null, null, 0, 0, 0, 0, 0, "", null, null, null, null, 0, 0);
    }
}
