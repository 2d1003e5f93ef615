package nl.paraat.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

@Serdeable
record ApiKeyView(String id, String label, List<Role> roles, Instant createdAt, String createdBy,
                  @Nullable Instant revokedAt) {
}
