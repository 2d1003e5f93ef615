package nl.paraat.push;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A topic subscription change a device wants at FCM, recorded in the device's transaction and
 * deleted once applied. Changes of one token and topic are applied in id order.
 *
 * @param tokenDigest   {@link nl.paraat.common.Digest} of the token: an index on the token itself would be too long
 * @param subscribe     subscribe to the topic, or unsubscribe from it
 * @param attempts      claims so far; the wait before the next attempt doubles with each
 * @param leaseOwner    the claim of the instance applying it; when the instance dies, the lease runs out
 * @param lastError     why the last attempt failed, for operators
 */
@MappedEntity("push_topic_change")
record PushTopicChange(@Id @GeneratedValue @Nullable Long id, String token, String tokenDigest, String topic,
                       boolean subscribe, Instant createdAt, int attempts, Instant nextAttemptAt,
                       @Nullable String leaseOwner, @Nullable Instant leaseUntil, @Nullable String lastError) {
}
