package nl.paraat.alert;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.paraat.audit.AuditEntry;
import nl.paraat.audit.AuditService;
import nl.paraat.auth.Actor;
import nl.paraat.auth.Caller;
import nl.paraat.auth.OrganisationService;
import nl.paraat.auth.Role;
import io.micronaut.http.HttpStatus;
import nl.paraat.common.Problem;
import nl.paraat.common.ProblemException;
import nl.paraat.common.Representation;
import nl.paraat.content.ContentService;
import nl.paraat.content.Hazard;
import nl.paraat.region.RegionService;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Alerts for authorities: who may take which step, and the messages as their organisation sees them.
 * The steps themselves are {@link AlertDrafts}, {@link AlertApprovals} and {@link AlertPublication}.
 */
@Singleton
@Requires(notEnv = Environment.CLI)
public class AlertService {

    private final AlertDrafts drafts;
    private final AlertApprovals approvals;
    private final AlertPublication publication;
    private final AlertTemplates templates;
    private final AlertConfiguration configuration;
    private final AlertRepositories.Messages messages;
    private final AlertRepositories.Infos infos;
    private final OrganisationService organisations;
    private final AuditService audit;
    /** The languages Paraat serves: a CAP message's blocks in others are left out of what it imports. */
    private final List<String> languages;

    AlertService(AlertDrafts drafts, AlertApprovals approvals, AlertPublication publication, AlertTemplates templates, AlertConfiguration configuration,
                 AlertRepositories.Messages messages, AlertRepositories.Infos infos,
                 OrganisationService organisations, AuditService audit, nl.paraat.content.ContentConfiguration content) {
        this.languages = content.locales();
        this.drafts = drafts;
        this.approvals = approvals;
        this.publication = publication;
        this.templates = templates;
        this.configuration = configuration;
        this.messages = messages;
        this.infos = infos;
        this.organisations = organisations;
        this.audit = audit;
    }

    AlertViews.Alert draft(AlertViews.AlertRequest request, Caller caller) {
        return view(drafts.draft(request, actor(caller, Role.ALERT_ISSUER)));
    }

    AlertViews.Alert fromTemplate(AlertViews.FromTemplate request, Caller caller) {
        Actor actor = actor(caller, Role.ALERT_ISSUER);
        AlertTemplates.Template template = templates.find(request.template());
        AlertViews.AlertRequest alert = new AlertViews.AlertRequest(request.status(), template.hazard(), null,
                template.urgency(), template.severity(), template.certainty(), template.responseType(), request.onset(),
                request.expires(), null, request.area(), templates.render(request.template(), request.values()));
        return view(drafts.draft(alert, actor));
    }

    /** Creates a draft (or, for a trusted feed's own system key, a published alert) from a CAP 1.2 message. */
    AlertViews.Alert importCap(byte[] xml, Caller caller) {
        Actor actor = actor(caller, Role.ALERT_ISSUER);
        List<Problem.FieldError> errors = new ArrayList<>();
        CapImport.Converted converted = readCap(xml, errors)
                .flatMap(message -> CapImport.convert(message, languages, errors))
                .orElseThrow(() -> new ProblemException(HttpStatus.BAD_REQUEST, "cap-invalid",
                        errors.size() + " problems in the CAP message; the first: " + errors.get(0).field() + ": "
                                + errors.get(0).message(), bounded(errors)));
        // Only the feed itself publishes at once: a person importing a file gets a draft like any other.
        boolean trusted = configuration.trusted(actor.organisation()) && actor.person() == null;
        return view(oneAtATime(() -> drafts.importMessage(converted, trusted, actor)));
    }

    /** Checks a CAP message as an import would, and stores nothing. */
    AlertViews.CapCheck validateCap(byte[] xml, Caller caller) {
        Actor actor = actor(caller, Role.ALERT_ISSUER);
        List<Problem.FieldError> capErrors = new ArrayList<>();
        Optional<CapMessage> message = readCap(xml, capErrors);
        List<Problem.FieldError> paraatErrors = new ArrayList<>();
        Optional<CapImport.Converted> converted = message.flatMap(found -> CapImport.convert(found, languages, paraatErrors));
        List<Problem.FieldError> areaErrors = converted.map(found -> drafts.areaProblems(found.request(), actor))
                .orElse(List.of());
        return new AlertViews.CapCheck(capErrors.isEmpty(), bounded(capErrors), message.isPresent() && paraatErrors.isEmpty(),
                bounded(paraatErrors), converted.isPresent() && areaErrors.isEmpty(), bounded(areaErrors));
    }

    /** At most {@value CapSchema#MAX_PROBLEMS} problems, and one entry more saying how many were left out. */
    private static List<Problem.FieldError> bounded(List<Problem.FieldError> errors) {
        if (errors.size() <= CapSchema.MAX_PROBLEMS + 1) {
            return errors;
        }
        List<Problem.FieldError> listed = new ArrayList<>(errors.subList(0, CapSchema.MAX_PROBLEMS));
        listed.add(new Problem.FieldError("/", (errors.size() - CapSchema.MAX_PROBLEMS) + " more problems are not listed"));
        return listed;
    }

    private static Optional<CapMessage> readCap(byte[] xml, List<Problem.FieldError> errors) {
        try {
            org.w3c.dom.Document document = CapXml.parse(xml);
            // The schema first: Paraat reads only what is valid CAP 1.2.
            List<Problem.FieldError> schema = CapSchema.problems(xml);
            if (!schema.isEmpty()) {
                errors.addAll(schema);
                return Optional.empty();
            }
            CapReader.Result result = CapReader.read(document);
            errors.addAll(result.errors());
            return result.message();
        } catch (CapXml.Refused refused) {
            errors.add(new Problem.FieldError("/", refused.getMessage()));
            return Optional.empty();
        }
    }

    List<AlertTemplates.Template> templates(Caller caller) {
        actor(caller, Role.ALERT_ISSUER);
        return templates.all();
    }

    AlertViews.Alert edit(long id, AlertViews.AlertRequest request, Caller caller) {
        return view(oneAtATime(() -> drafts.edit(id, request, actor(caller, Role.ALERT_ISSUER))));
    }

    AlertViews.Alert submit(long id, Caller caller) {
        return view(oneAtATime(() -> approvals.submit(id, actor(caller, Role.ALERT_ISSUER))));
    }

    AlertViews.Alert reject(long id, @Nullable String note, Caller caller) {
        return view(oneAtATime(() -> approvals.reject(id, note, actor(caller, Role.ALERT_APPROVER))));
    }

    AlertViews.Alert approve(long id, Caller caller) {
        return view(oneAtATime(() -> approvals.approve(id, actor(caller, Role.ALERT_APPROVER))));
    }

    AlertViews.Alert publishImmediately(long id, Caller caller) {
        return view(oneAtATime(() -> approvals.publishImmediately(id, actor(caller, Role.ALERT_URGENT))));
    }

    AlertViews.Alert review(long id, @Nullable String note, Caller caller) {
        return view(oneAtATime(() -> approvals.review(id, note, actor(caller, Role.ALERT_APPROVER))));
    }

    AlertViews.Alert update(long id, AlertViews.AlertRequest request, Caller caller) {
        return view(oneAtATime(() -> drafts.update(id, request, actor(caller, Role.ALERT_ISSUER))));
    }

    AlertViews.Alert cancel(long id, @Nullable AlertViews.AlertRequest request, Caller caller) {
        return view(oneAtATime(() -> drafts.cancel(id, request, actor(caller, Role.ALERT_ISSUER))));
    }

    @ReadOnly
    AlertViews.Alert get(long id, Caller caller) {
        return view(publication.own(id, actorOfAnyAlertRole(caller)));
    }

    @ReadOnly
    List<AlertViews.Alert> list(Caller caller) {
        Actor actor = actorOfAnyAlertRole(caller);
        return messages.findByOrganisationOrderByIdDesc(actor.organisation()).stream().map(this::view).toList();
    }

    List<AuditEntry> history(long id, Caller caller) {
        publication.own(id, actorOfAnyAlertRole(caller));
        return audit.history(AlertSteps.TARGET, Long.toString(id));
    }

    /**
     * Runs a transition that others may attempt on the same message at the same moment: the loser's
     * stale version, a lock it could not get, or the one-push-per-message key makes its transaction
     * fail and roll back, which the caller sees as a 409 rather than a second publication.
     */
    private static AlertMessage oneAtATime(java.util.function.Supplier<AlertMessage> transition) {
        try {
            return transition.get();
        } catch (io.micronaut.data.exceptions.DataAccessException | io.micronaut.transaction.exceptions.TransactionException e) {
            throw new ProblemException(HttpStatus.CONFLICT, "conflict", "The message was changed by someone else at the same"
                    + " moment; nothing was changed by this request. Reload it and decide again.", List.of());
        }
    }

    int expire() {
        return publication.expire();
    }

    AlertViews.Alert view(AlertMessage message) {
        List<AlertInfo> texts = infos.findByAlertIdOrderByLanguage(message.id());
        List<String> warnings = new ArrayList<>();
        if (texts.stream().noneMatch(text -> text.language().equals("en"))) {
            warnings.add("No English text: residents who read English will see the Dutch text.");
        }
        if (message.areaNote() != null) {
            warnings.add(message.areaNote());
        }
        String references = message.referencesId() == null ? null
                : messages.findById(message.referencesId()).map(AlertMessage::identifier).orElse(null);
        return new AlertViews.Alert(message.id(), message.identifier(), message.organisation(), message.status(),
                message.msgType(), references, Hazard.find(message.hazard()).orElseThrow(), message.category(),
                message.urgency(), message.severity(), message.certainty(), message.responseType(), message.onset(),
                message.expires(), message.web(), new AlertViews.Area(AlertSteps.split(message.areaCodes(), ","),
                AlertSteps.split(message.polygons(), "\n"), AlertSteps.split(message.circles(), "\n"),
                AlertSteps.split(message.affectedMunicipalities(), ",")), message.state(), message.author(),
                message.approver(), message.reviewNeeded(), message.reviewedBy(), message.reviewedAt(),
                message.reviewNote(), List.copyOf(message.contributorSet()), message.createdAt(), message.publishedAt(),
                texts.stream().map(text -> new AlertViews.Info(text.language(), text.event(), text.headline(),
                        text.description(), text.instruction())).toList(), warnings);
    }

    private Actor actor(Caller caller, Role role) {
        caller.requireRole(role);
        return organisations.actor(caller);
    }

    private Actor actorOfAnyAlertRole(Caller caller) {
        if (!caller.roles().contains(Role.ALERT_ISSUER) && !caller.roles().contains(Role.ALERT_APPROVER)) {
            throw ProblemException.forbidden("This needs the role 'alert-issuer' or 'alert-approver'.");
        }
        return organisations.actor(caller);
    }

}
