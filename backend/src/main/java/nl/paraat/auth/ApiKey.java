package nl.paraat.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * An organisation's key; only a hash of its secret is stored.
 *
 * @param memberId the person the key belongs to, or null for a system key (a feed, an integration),
 *                 which can draft but never approve
 */
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
              @Nullable String revokedBy,
              @Nullable Long memberId) {

    boolean revoked() {
        return revokedAt != null;
    }

    ApiKey revoke(Instant when, String by) {
        return new ApiKey(id, publicId, organisationId, label, secretHash, roles, createdAt, createdBy, when, by, memberId);
    }
}
