package nl.paraat.push;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * The devices with ids in {@code [deviceFrom, deviceTo]} for one push job. An instance holds a
 * lease while it sends; when it dies, the lease runs out and another instance takes the chunk over.
 *
 * @param failures failures by reason, as "REASON=count,REASON=count"
 */
@MappedEntity("push_chunk")
record PushChunk(@Id @GeneratedValue @Nullable Long id, long jobId, long deviceFrom, long deviceTo, boolean done,
                 @Nullable String leaseOwner, @Nullable Instant leaseUntil, int attempts, int targeted, int sent,
                 int failed, int retired, String failures, @Nullable Instant firstSentAt, @Nullable Instant lastSentAt) {
}
