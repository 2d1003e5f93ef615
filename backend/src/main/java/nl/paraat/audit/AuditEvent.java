package nl.paraat.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("audit_event")
record AuditEvent(@Id @GeneratedValue @Nullable Long id,
                  Instant occurredAt,
                  String actor,
                  @Nullable String organisationCode,
                  String action,
                  @Nullable String targetType,
                  @Nullable String targetId,
                  @Nullable String detail) {
}
