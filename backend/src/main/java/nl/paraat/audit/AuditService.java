package nl.paraat.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import jakarta.inject.Singleton;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The audit log of authority actions: who, for which organisation, did what to which target, when.
 * Rows are only ever inserted. Callers record within their own transaction so that an action and its
 * audit row are stored together or not at all.
 */
@Singleton
public class AuditService {

    private static final int MAX_DETAIL = 1000;

    private final AuditRepository repository;
    private final Clock clock;

    AuditService(AuditRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void record(String actor, @Nullable String organisationCode, String action,
                       @Nullable String targetType, @Nullable String targetId, @Nullable String detail) {
        String trimmedDetail = detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
        repository.save(new AuditEvent(null, Instant.now(clock).truncatedTo(ChronoUnit.MILLIS), actor,
                organisationCode, action, targetType, targetId, trimmedDetail));
    }

    public List<AuditEntry> latest(String organisationCode, int limit) {
        return repository.findByOrganisationCodeOrderByIdDesc(organisationCode, Pageable.from(0, limit))
                .stream().map(AuditService::entry).toList();
    }

    /** Everything done to one target, newest first. */
    public List<AuditEntry> history(String targetType, String targetId) {
        return repository.findByTargetTypeAndTargetIdOrderByIdDesc(targetType, targetId).stream().map(AuditService::entry).toList();
    }

    private static AuditEntry entry(AuditEvent e) {
        return new AuditEntry(e.id(), e.occurredAt(), e.actor(), e.organisationCode(), e.action(), e.targetType(),
                e.targetId(), e.detail());
    }
}
