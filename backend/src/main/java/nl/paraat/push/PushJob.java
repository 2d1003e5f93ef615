package nl.paraat.push;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * The push of one published message, split into chunks of device ids that instances claim.
 *
 * @param chain the message's collapse key, the same for a message and its updates and cancellation: the
 *              jobs of one chain go out one after the other, and a newer one supersedes what is left of older ones
 * @param channel the channel the job is sent through ({@link PushChannel#name()}), for delivery per channel
 */
@MappedEntity("push_job")
record PushJob(@Id @GeneratedValue @Nullable Long id, long dispatchId, long alertId, int chunks, Instant createdAt,
               @Nullable Instant completedAt, @Nullable String chain, String channel) {
}
