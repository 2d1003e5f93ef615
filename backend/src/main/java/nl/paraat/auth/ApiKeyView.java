package nl.paraat.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** @param member the subject of the member the key belongs to; absent for a system key */
@Serdeable
record ApiKeyView(String id, String label, List<Role> roles, @Nullable String member, Instant createdAt,
                  String createdBy, @Nullable Instant revokedAt) {
}
