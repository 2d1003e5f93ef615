package nl.paraat.point;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.Set;

/** The fields to change; a field left out (or null) keeps its value. Coordinates change together. */
@Serdeable
record PointPatch(@Nullable @Size(min = 1, max = 200) String name,
                  @Nullable PointType type,
                  @Nullable @Size(max = 300) String address,
                  @Nullable @Size(max = 16) String postalCode,
                  @Nullable @Size(max = 100) String city,
                  @Nullable @Pattern(regexp = "GM\\d{4}", message = "must be a municipality code like GM0150") String municipality,
                  @Nullable @DecimalMin("-90") @DecimalMax("90") Double latitude,
                  @Nullable @DecimalMin("-180") @DecimalMax("180") Double longitude,
                  @Nullable Set<@NotNull Facility> facilities,
                  @Nullable @Min(0) @Max(100_000) Integer capacity,
                  @Nullable @Size(max = 500) String openingHours,
                  @Nullable PointStatus status,
                  @Nullable Instant statusUntil,
                  @Nullable @Size(max = 500) String statusNote,
                  @Nullable Instant lastConfirmedAt) {

    PointRequest applyTo(Point point) {
        return new PointRequest(point.externalId(), pick(name, point.name()), pick(type, point.type()),
                pick(address, point.address()), pick(postalCode, point.postalCode()), pick(city, point.city()),
                pick(municipality, latitude == null ? point.municipality() : null), pick(latitude, point.latitude()),
                pick(longitude, point.longitude()), pick(facilities, Set.copyOf(point.facilities())),
                pick(capacity, point.capacity()), pick(openingHours, point.openingHours()), pick(status, point.status()),
                pick(statusUntil, point.statusUntil()), pick(statusNote, point.statusNote()),
                pick(lastConfirmedAt, point.lastConfirmedAt()));
    }

    private static <T> T pick(@Nullable T changed, T current) {
        return changed != null ? changed : current;
    }
}
