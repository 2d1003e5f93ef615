package nl.paraat.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** An organisation's key for system integrations; only a hash of its secret is stored. */
@MappedEntity("api_key")
record ApiKey(@Id @GeneratedValue @Nullable Long id,
              String publicId,
              Long organisationId,
              String label,
              String secretHash,
              String roles,
              Instant createdAt,
              String createdBy,
              @Nullable Instant revokedAt,
              @Nullable String revokedBy) {

    boolean revoked() {
        return revokedAt != null;
    }
}
