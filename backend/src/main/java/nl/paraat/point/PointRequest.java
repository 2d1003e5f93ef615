package nl.paraat.point;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.Set;

/**
 * A whole point, to create or replace. The municipality is derived from the coordinates when it is
 * left out.
 */
@Serdeable
record PointRequest(@Nullable @Size(min = 1, max = 100) String externalId,
                    @NotBlank @Size(max = 200) String name,
                    @NotNull PointType type,
                    @Nullable @Size(max = 300) String address,
                    @Nullable @Size(max = 16) String postalCode,
                    @Nullable @Size(max = 100) String city,
                    @Nullable @Pattern(regexp = "GM\\d{4}", message = "must be a municipality code like GM0150") String municipality,
                    @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
                    @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
                    @Nullable Set<@NotNull Facility> facilities,
                    @Nullable @Min(0) @Max(100_000) Integer capacity,
                    @Nullable @Size(max = 500) String openingHours,
                    @Nullable PointStatus status,
                    @Nullable Instant statusUntil,
                    @Nullable @Size(max = 500) String statusNote,
                    @Nullable Instant lastConfirmedAt) {
}
