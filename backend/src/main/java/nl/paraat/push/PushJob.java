package nl.paraat.push;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** The push of one published message, split into chunks of device ids that instances claim. */
@MappedEntity("push_job")
record PushJob(@Id @GeneratedValue @Nullable Long id, long dispatchId, long alertId, int chunks, Instant createdAt,
               @Nullable Instant completedAt) {
}
