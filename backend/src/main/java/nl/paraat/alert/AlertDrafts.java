package nl.paraat.alert;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.paraat.audit.AuditService;
import nl.paraat.auth.Actor;
import nl.paraat.common.Problem;
import nl.paraat.common.ProblemException;
import nl.paraat.content.Hazard;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writing messages: a draft from JSON, a template or a CAP import, edits of a draft, and updates and
 * cancellations, which are new messages that reference the one they replace. Every writer and editor
 * is recorded as a contributor, whom the second pair of eyes must not be.
 */
@Singleton
class AlertDrafts {

    private final AlertRepositories.Messages messages;
    private final AlertRepositories.Infos infos;
    private final AlertChecks checks;
    private final AlertPublication publication;
    private final AuditService audit;

    AlertDrafts(AlertRepositories.Messages messages, AlertRepositories.Infos infos, AlertChecks checks,
                AlertPublication publication, AuditService audit) {
        this.messages = messages;
        this.infos = infos;
        this.checks = checks;
        this.publication = publication;
        this.audit = audit;
    }

    @Transactional
    AlertMessage draft(AlertViews.AlertRequest request, Actor actor) {
        return create(request, actor, Cap.MsgType.Alert, null, null);
    }

    /**
     * A message from another alerting system: it keeps its CAP identifier, and an Update or Cancel
     * must reference a published message of the same organisation. Trusted feeds publish at once.
     */
    @Transactional
    AlertMessage importMessage(CapImport.Converted converted, boolean trusted, Actor actor) {
        if (messages.existsByOrganisationAndIdentifier(actor.organisation(), converted.identifier())) {
            throw ProblemException.conflict("/alert/identifier", "A message with identifier '" + converted.identifier()
                    + "' was imported before.");
        }
        AlertMessage original = null;
        if (converted.msgType() != Cap.MsgType.Alert) {
            original = messages.findByOrganisationAndIdentifier(actor.organisation(), converted.referenced())
                    .filter(found -> found.state() == AlertState.PUBLISHED)
                    .orElseThrow(() -> ProblemException.invalid("/alert/references", "references no published message of "
                            + actor.organisation() + " with identifier '" + converted.referenced() + "'"));
        }
        AlertMessage draft = create(converted.request(), actor, converted.msgType(), original, converted.identifier());
        return trusted ? publication.publish(draft, "trusted-feed", false, actor, "alert.imported-published") : draft;
    }

    @Transactional
    AlertMessage edit(long id, AlertViews.AlertRequest request, Actor actor) {
        AlertMessage existing = publication.own(id, actor);
        AlertSteps.requireState(existing, AlertState.DRAFT);
        AlertChecks.Checked checked = checks.check(request, actor);
        AlertMessage changed = messages.update(message(existing.id(), existing.identifier(), request, checked, actor,
                existing.msgType(), existing.referencesId(), existing.chainRootId(), existing.author(), existing.createdAt(),
                existing.version())
                .withContributors(existing.contributors() == null && actor.person() == null ? null
                        : existing.contributorSet()).contributedBy(actor.person()));
        infos.deleteByAlertId(id);
        saveInfos(id, request);
        audit.record(actor.name(), actor.organisation(), "alert.edited", AlertSteps.TARGET, Long.toString(id), AlertSteps.headline(request));
        return changed;
    }

    @Transactional
    AlertMessage update(long id, AlertViews.AlertRequest request, Actor actor) {
        AlertMessage original = publication.own(id, actor);
        publication.requireCurrent(original);
        return create(request, actor, Cap.MsgType.Update, original, null);
    }

    @Transactional
    AlertMessage cancel(long id, @Nullable AlertViews.AlertRequest request, Actor actor) {
        AlertMessage original = publication.own(id, actor);
        publication.requireCurrent(original);
        AlertViews.AlertRequest content = request != null ? request : copyForCancel(original);
        return create(content, actor, Cap.MsgType.Cancel, original, null);
    }

    /** Checks a request without storing it; for the dry run of a CAP import. */
    List<Problem.FieldError> areaProblems(AlertViews.AlertRequest request, Actor actor) {
        try {
            checks.check(request, actor);
            return List.of();
        } catch (ProblemException e) {
            return e.errors();
        }
    }

    private AlertMessage create(AlertViews.AlertRequest request, Actor actor, Cap.MsgType type,
                                @Nullable AlertMessage original, @Nullable String identifier) {
        AlertChecks.Checked checked = checks.check(request, actor);
        Instant now = publication.now();
        String id = identifier != null ? identifier : "urn:paraat:alert:" + UUID.randomUUID();
        AlertMessage saved = messages.save(message(null, id, request, checked, actor,
                type, original == null ? null : original.id(), original == null ? null : rootOf(original), actor.name(), now, 0L)
                .contributedBy(actor.person()));
        saveInfos(saved.id(), request);
        audit.record(actor.name(), actor.organisation(), "alert.drafted", AlertSteps.TARGET, saved.id().toString(),
                type + (original == null ? "" : " of " + original.identifier()) + ": " + AlertSteps.headline(request));
        return saved;
    }

    /** The first message of the chain; walked for messages stored before chains were recorded. */
    private long rootOf(AlertMessage message) {
        AlertMessage current = message;
        for (int step = 0; step < 1000 && current.chainRootId() == null && current.referencesId() != null; step++) {
            current = messages.findById(current.referencesId()).orElseThrow();
        }
        return current.chain();
    }

    private AlertMessage message(@Nullable Long id, String identifier, AlertViews.AlertRequest request, AlertChecks.Checked checked,
                                 Actor actor, Cap.MsgType type, @Nullable Long referencesId, @Nullable Long chainRootId,
                                 String author, Instant createdAt, Long version) {
        Instant now = publication.now();
        return new AlertMessage(id, identifier, actor.organisation(),
                request.status() != null ? request.status() : Cap.Status.Actual, type, referencesId,
                request.hazard().code(), request.category() != null ? request.category() : HazardCategories.of(request.hazard()),
                request.urgency(), request.severity(), request.certainty(), request.responseType(), request.onset(),
                request.expires(), request.web(), String.join(",", checked.area().codes()),
                String.join("\n", checked.area().polygons()), String.join("\n", checked.area().circles()),
                String.join(",", checked.area().municipalities()), AlertState.DRAFT, author, null, false, createdAt,
                null, null, null, now, String.join(",", checked.area().cells()), checked.area().note(), version, "", null, null, null,
                chainRootId, null);
    }

    private void saveInfos(long alertId, AlertViews.AlertRequest request) {
        request.infos().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            AlertViews.InfoRequest info = entry.getValue();
            String event = info.event() != null ? info.event() : request.hazard().code();
            infos.save(new AlertInfo(null, alertId, entry.getKey(), event, info.headline().strip(), info.description().strip(),
                    info.instruction() == null ? null : info.instruction().strip()));
        });
    }

    private AlertViews.AlertRequest copyForCancel(AlertMessage original) {
        Map<String, AlertViews.InfoRequest> texts = new java.util.TreeMap<>();
        for (AlertInfo info : infos.findByAlertIdOrderByLanguage(original.id())) {
            texts.put(info.language(), new AlertViews.InfoRequest(info.event(), info.headline(), info.description(),
                    info.instruction()));
        }
        return new AlertViews.AlertRequest(original.status(), Hazard.find(original.hazard()).orElseThrow(),
                original.category(), Cap.Urgency.Past, Cap.Severity.Minor, Cap.Certainty.Observed, Cap.ResponseType.AllClear,
                null, publication.now().plus(1, ChronoUnit.DAYS), original.web(),
                new AlertViews.AreaRequest(AlertSteps.split(original.areaCodes(), ","), AlertSteps.split(original.polygons(), "\n"),
                        AlertSteps.split(original.circles(), "\n")), texts);
    }
}
