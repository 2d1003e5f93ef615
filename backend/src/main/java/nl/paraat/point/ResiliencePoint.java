package nl.paraat.point;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.List;

@MappedEntity("resilience_point")
record ResiliencePoint(@Id @GeneratedValue @Nullable Long id,
                       String owner,
                       @Nullable String externalId,
                       String name,
                       PointType type,
                       @Nullable String address,
                       @Nullable String postalCode,
                       @Nullable String city,
                       String municipality,
                       double latitude,
                       double longitude,
                       String facilities,
                       @Nullable Integer capacity,
                       @Nullable String openingHours,
                       PointStatus status,
                       @Nullable Instant statusSince,
                       @Nullable Instant statusUntil,
                       @Nullable String statusNote,
                       @Nullable Instant lastConfirmedAt,
                       Instant createdAt,
                       Instant updatedAt) {

    Point toPoint() {
        return new Point(id, externalId, name, type, address, postalCode, city, municipality, latitude, longitude,
                List.copyOf(Facility.decode(facilities)), capacity, openingHours, status, statusSince, statusUntil,
                statusNote, lastConfirmedAt, owner, updatedAt);
    }
}
