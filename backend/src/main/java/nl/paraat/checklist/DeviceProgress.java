package nl.paraat.checklist;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * The progress one anonymous device reported last; its lists, items and needs are rows of their own.
 *
 * @param municipality where the household lives, if the app says so; without it the device counts in no statistic
 * @param needsOptIn   whether the household agreed to be counted as needing help
 */
@MappedEntity("checklist_progress")
record DeviceProgress(@Id Long deviceId, @Nullable String municipality, boolean needsOptIn, Instant updatedAt) {
}
