package nl.paraat.point;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** One change of a point's status: the history kept for review after a crisis. */
@MappedEntity("point_status_change")
@Serdeable
record PointStatusChange(@Id @GeneratedValue @Nullable Long id,
                         long pointId,
                         @Nullable PointStatus fromStatus,
                         PointStatus toStatus,
                         @Nullable String note,
                         String changedBy,
                         Instant changedAt) {
}
