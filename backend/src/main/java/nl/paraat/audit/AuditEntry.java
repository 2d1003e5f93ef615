package nl.paraat.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** One recorded authority action, as shown to the organisation's administrators. */
@Serdeable
public record AuditEntry(long id,
                         Instant occurredAt,
                         String actor,
                         @Nullable String organisationCode,
                         String action,
                         @Nullable String targetType,
                         @Nullable String targetId,
                         @Nullable String detail) {
}
