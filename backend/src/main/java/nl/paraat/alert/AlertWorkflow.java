package nl.paraat.alert;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.paraat.audit.AuditService;
import nl.paraat.auth.Actor;
import nl.paraat.common.Problem;
import nl.paraat.common.ProblemException;
import nl.paraat.content.ContentConfiguration;
import nl.paraat.content.Hazard;
import nl.paraat.push.PushRequests;
import nl.paraat.region.RegionService;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The life of a message: written as a draft, submitted, approved by a second person of the same
 * organisation, published. Updates and cancellations are new messages that reference the one they
 * replace. Every step is audited; publishing writes the dispatch request in the same transaction.
 */
@Singleton
class AlertWorkflow {

    static final String TARGET = "alert";

    private final AlertRepositories.Messages messages;
    private final AlertRepositories.Infos infos;
    private final PushRequestBuilder pushRequest;
    private final PushRequests pushes;
    private final RegionService regions;
    private final AuditService audit;
    private final AlertConfiguration configuration;
    private final Clock clock;
    private final List<String> languages;

    AlertWorkflow(AlertRepositories.Messages messages, AlertRepositories.Infos infos,
                  PushRequestBuilder pushRequest, PushRequests pushes, RegionService regions, AuditService audit,
                  AlertConfiguration configuration, ContentConfiguration content, Clock clock) {
        this.messages = messages;
        this.infos = infos;
        this.pushRequest = pushRequest;
        this.pushes = pushes;
        this.regions = regions;
        this.audit = audit;
        this.configuration = configuration;
        this.clock = clock;
        this.languages = content.locales();
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
        if (messages.existsByIdentifier(converted.identifier())) {
            throw ProblemException.conflict("/alert/identifier", "A message with identifier '" + converted.identifier()
                    + "' was imported before.");
        }
        AlertMessage original = null;
        if (converted.msgType() != Cap.MsgType.Alert) {
            original = messages.findByIdentifier(converted.referenced())
                    .filter(found -> found.organisation().equals(actor.organisation()))
                    .filter(found -> found.state() == AlertState.PUBLISHED)
                    .orElseThrow(() -> ProblemException.invalid("/alert/references", "references no published message of "
                            + actor.organisation() + " with identifier '" + converted.referenced() + "'"));
        }
        AlertMessage draft = create(converted.request(), actor, converted.msgType(), original, converted.identifier());
        return trusted ? publish(draft, "trusted-feed", false, actor, "alert.imported-published") : draft;
    }

    @Transactional
    AlertMessage edit(long id, AlertViews.AlertRequest request, Actor actor) {
        AlertMessage existing = own(id, actor);
        requireState(existing, AlertState.DRAFT);
        Checked checked = check(request, actor);
        AlertMessage changed = messages.update(message(existing.id(), existing.identifier(), request, checked, actor,
                existing.msgType(), existing.referencesId(), existing.chainRootId(), existing.author(), existing.createdAt(),
                existing.version())
                .withContributors(existing.contributors() == null && actor.person() == null ? null
                        : existing.contributorSet()).contributedBy(actor.person()));
        infos.deleteByAlertId(id);
        saveInfos(id, request);
        audit.record(actor.name(), actor.organisation(), "alert.edited", TARGET, Long.toString(id), headline(request));
        return changed;
    }

    @Transactional
    AlertMessage submit(long id, Actor actor) {
        AlertMessage message = own(id, actor);
        requireState(message, AlertState.DRAFT);
        requireActive(message);
        AlertMessage submitted = messages.update(message.withState(AlertState.SUBMITTED, null, false, now()));
        audit.record(actor.name(), actor.organisation(), "alert.submitted", TARGET, Long.toString(id), null);
        return submitted;
    }

    @Transactional
    AlertMessage reject(long id, @Nullable String note, Actor actor) {
        AlertMessage message = own(id, actor);
        requireState(message, AlertState.SUBMITTED);
        AlertMessage back = messages.update(message.withState(AlertState.DRAFT, null, false, now()));
        audit.record(actor.name(), actor.organisation(), "alert.rejected", TARGET, Long.toString(id), note);
        return back;
    }

    /** The second pair of eyes: a person of the same organisation who did not write or edit the message. */
    @Transactional
    AlertMessage approve(long id, Actor actor) {
        AlertMessage message = own(id, actor);
        requireState(message, AlertState.SUBMITTED);
        FourEyes.requireSecondPerson(message, actor, "approve");
        return publish(message, actor.name(), false, actor, "alert.approved");
    }

    /**
     * The exception for immediate danger: one person publishes, where the organisation holds that
     * privilege, and the message is flagged until a second person has reviewed it.
     */
    @Transactional
    AlertMessage publishImmediately(long id, Actor actor) {
        AlertMessage message = own(id, actor);
        if (message.state() != AlertState.DRAFT && message.state() != AlertState.SUBMITTED) {
            throw conflict(message);
        }
        FourEyes.requireMayPublishAlone(message, actor);
        return publish(message.contributedBy(actor.person()), null, true, actor, "alert.published-immediately");
    }

    /** A second person looks at what one person published alone; recorded on the message and in the audit. */
    @Transactional
    AlertMessage review(long id, @Nullable String note, Actor actor) {
        AlertMessage message = own(id, actor);
        if (!message.reviewNeeded() || message.reviewedBy() != null) {
            throw new ProblemException(HttpStatus.CONFLICT, "conflict", "Alert " + id + (message.reviewNeeded()
                    ? " was reviewed by " + message.reviewedBy() + " already." : " was approved by a second person;"
                    + " there is nothing to review."), List.of());
        }
        FourEyes.requireSecondPerson(message, actor, "review");
        AlertMessage reviewed = messages.update(message.reviewed(actor.person(), note, now()));
        audit.record(actor.name(), actor.organisation(), "alert.reviewed", TARGET, Long.toString(id),
                "by " + actor.person() + (note == null || note.isBlank() ? "" : ": " + note));
        return reviewed;
    }

    @Transactional
    AlertMessage update(long id, AlertViews.AlertRequest request, Actor actor) {
        AlertMessage original = own(id, actor);
        requireCurrent(original);
        return create(request, actor, Cap.MsgType.Update, original, null);
    }

    @Transactional
    AlertMessage cancel(long id, @Nullable AlertViews.AlertRequest request, Actor actor) {
        AlertMessage original = own(id, actor);
        requireCurrent(original);
        AlertViews.AlertRequest content = request != null ? request : copyForCancel(original);
        return create(content, actor, Cap.MsgType.Cancel, original, null);
    }

    /** Checks a request without storing it; for the dry run of a CAP import. */
    List<Problem.FieldError> areaProblems(AlertViews.AlertRequest request, Actor actor) {
        try {
            check(request, actor);
            return List.of();
        } catch (ProblemException e) {
            return e.errors();
        }
    }

    /** Ends published messages whose time is up; residents stop seeing them at that moment anyway. */
    @Transactional
    int expire() {
        Instant now = now();
        int expired = 0;
        for (AlertMessage message : messages.findByStateAndExpiresLessThan(AlertState.PUBLISHED, now)) {
            messages.update(message.withState(AlertState.EXPIRED, null, false, now));
            audit.record("system", message.organisation(), "alert.expired", TARGET, message.id().toString(), null);
            expired++;
        }
        return expired;
    }

    AlertMessage own(long id, Actor actor) {
        AlertMessage message = messages.findById(id).orElseThrow(() -> ProblemException.notFound("No alert " + id + "."));
        if (!message.organisation().equals(actor.organisation())) {
            throw ProblemException.forbidden("Alert " + id + " belongs to another organisation.");
        }
        return message;
    }

    private AlertMessage publish(AlertMessage message, @Nullable String approver, boolean immediate, Actor actor,
                                 String action) {
        requireActive(message);
        Instant now = now();
        if (message.referencesId() != null) {
            // Of two updates of one message only the first to be published replaces it: the version on the
            // original makes a simultaneous second one fail, this check refuses a later one, and the unique
            // active chain refuses any other way of making two active. The original ends first, so that the
            // chain is free when this message takes it.
            AlertMessage original = messages.findById(message.referencesId()).orElseThrow();
            requireCurrent(original);
            AlertState ended = message.msgType() == Cap.MsgType.Cancel ? AlertState.CANCELLED : AlertState.SUPERSEDED;
            messages.update(original.withState(ended, null, false, now));
            audit.record(actor.name(), actor.organisation(), "alert." + ended.code(), TARGET,
                    original.id().toString(), "by " + message.identifier());
        }
        AlertMessage published = messages.update(message.withState(AlertState.PUBLISHED, approver, immediate, now));
        pushes.request(pushRequest.of(published));
        audit.record(actor.name(), actor.organisation(), action, TARGET, published.id().toString(),
                published.msgType() + " " + published.identifier());
        return published;
    }

    private AlertMessage create(AlertViews.AlertRequest request, Actor actor, Cap.MsgType type,
                                @Nullable AlertMessage original, @Nullable String identifier) {
        Checked checked = check(request, actor);
        Instant now = now();
        String id = identifier != null ? identifier : "urn:paraat:alert:" + UUID.randomUUID();
        AlertMessage saved = messages.save(message(null, id, request, checked, actor,
                type, original == null ? null : original.id(), original == null ? null : rootOf(original), actor.name(), now, 0L)
                .contributedBy(actor.person()));
        saveInfos(saved.id(), request);
        audit.record(actor.name(), actor.organisation(), "alert.drafted", TARGET, saved.id().toString(),
                type + (original == null ? "" : " of " + original.identifier()) + ": " + headline(request));
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

    private record Checked(AlertArea.Targeted area) {
    }

    private Checked check(AlertViews.AlertRequest request, Actor actor) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request.status() == Cap.Status.Draft) {
            errors.add(new Problem.FieldError("status", "use Actual, Exercise, System or Test; drafts are kept by the workflow"));
        }
        for (String language : request.infos().keySet()) {
            if (!languages.contains(language)) {
                errors.add(new Problem.FieldError("infos." + language, "unsupported language; use " + String.join(", ", languages.stream().sorted().toList())));
            }
        }
        request.infos().forEach((language, info) -> {
            // Also for texts built from templates, which skip the request's bean validation.
            limit(errors, "infos." + language + ".headline", info.headline(), 140);
            limit(errors, "infos." + language + ".description", info.description(), 2000);
            limit(errors, "infos." + language + ".instruction", info.instruction(), 1000);
            limit(errors, "infos." + language + ".event", info.event(), 100);
        });
        if (!request.infos().containsKey("nl")) {
            errors.add(new Problem.FieldError("infos.nl", "Dutch text is required"));
        }
        Instant now = now();
        if (!request.expires().isAfter(now)) {
            errors.add(new Problem.FieldError("expires", "must lie in the future"));
        } else if (request.expires().isAfter(now.plus(configuration.maxDuration()))) {
            errors.add(new Problem.FieldError("expires", "at most " + configuration.maxDuration().toDays() + " days ahead"));
        }
        if (request.onset() != null && !request.onset().isBefore(request.expires())) {
            errors.add(new Problem.FieldError("onset", "must be before expires"));
        }
        AlertArea.Parsed area = AlertArea.parse(request.area(), regions, errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", describe(errors), errors);
        }
        return new Checked(AlertArea.target(area, actor.area(), regions));
    }

    private AlertMessage message(@Nullable Long id, String identifier, AlertViews.AlertRequest request, Checked checked,
                                 Actor actor, Cap.MsgType type, @Nullable Long referencesId, @Nullable Long chainRootId,
                                 String author, Instant createdAt, Long version) {
        Instant now = now();
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
                null, now().plus(1, ChronoUnit.DAYS), original.web(),
                new AlertViews.AreaRequest(split(original.areaCodes(), ","), split(original.polygons(), "\n"),
                        split(original.circles(), "\n")), texts);
    }

    static List<String> split(String joined, String separator) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(separator));
    }

    private void requireState(AlertMessage message, AlertState expected) {
        if (message.state() != expected) {
            throw conflict(message);
        }
    }

    /** An update or cancellation must replace the message residents see now, never an older one. */
    private void requireCurrent(AlertMessage message) {
        if (message.state() == AlertState.PUBLISHED) {
            return;
        }
        AlertMessage current = message;
        for (int step = 0; step < 1000 && current.state() != AlertState.PUBLISHED; step++) {
            java.util.Optional<AlertMessage> next = messages.findByReferencesIdAndStateIn(current.id(),
                    List.of(AlertState.PUBLISHED, AlertState.SUPERSEDED, AlertState.CANCELLED, AlertState.EXPIRED)).stream().findFirst();
            if (next.isEmpty()) {
                break;
            }
            current = next.get();
        }
        String detail = current.state() == AlertState.PUBLISHED && !current.id().equals(message.id())
                ? "Alert " + message.id() + " is " + message.state().code() + "; the current message is alert "
                + current.id() + " (" + current.identifier() + "): update or cancel that one."
                : "Alert " + message.id() + " is " + message.state().code() + " and no message of its chain is active.";
        throw new ProblemException(HttpStatus.CONFLICT, "not-current", detail,
                List.of(new Problem.FieldError("id", detail)));
    }

    private void requireActive(AlertMessage message) {
        if (!message.expires().isAfter(now())) {
            throw ProblemException.conflict("expires", "The message has expired; change its expiry first.");
        }
    }

    private static ProblemException conflict(AlertMessage message) {
        return new ProblemException(HttpStatus.CONFLICT, "conflict", "Alert " + message.id() + " is "
                + message.state().code() + "; that step is not possible now.", List.of());
    }

    private static void limit(List<Problem.FieldError> errors, String field, @Nullable String text, int max) {
        if (text != null && text.strip().length() > max) {
            errors.add(new Problem.FieldError(field, "at most " + max + " characters (now " + text.strip().length() + ")"));
        }
    }

    private static String headline(AlertViews.AlertRequest request) {
        AlertViews.InfoRequest dutch = request.infos().get("nl");
        return dutch == null ? "" : dutch.headline();
    }

    private static String describe(List<Problem.FieldError> errors) {
        return String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
