package nl.paraat.point;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * A resilience point (noodsteunpunt) as residents and apps see it.
 *
 * @param municipality the GM code of the municipality it lies in
 * @param owner        the code of the organisation that manages it
 */
@Serdeable
public record Point(long id,
                    @Nullable String externalId,
                    String name,
                    PointType type,
                    @Nullable String address,
                    @Nullable String postalCode,
                    @Nullable String city,
                    String municipality,
                    double latitude,
                    double longitude,
                    List<Facility> facilities,
                    @Nullable Integer capacity,
                    @Nullable String openingHours,
                    PointStatus status,
                    @Nullable Instant statusSince,
                    @Nullable Instant statusUntil,
                    @Nullable String statusNote,
                    @Nullable Instant lastConfirmedAt,
                    String owner,
                    Instant updatedAt) {
}
