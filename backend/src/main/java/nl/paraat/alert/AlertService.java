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

/** Alerts for authorities (the workflow) and for residents (what is active where they are). */
@Singleton
@Requires(notEnv = Environment.CLI)
public class AlertService {

    private final AlertWorkflow workflow;
    private final AlertTemplates templates;
    private final AlertConfiguration configuration;
    private final AlertRepositories.Messages messages;
    private final AlertRepositories.Infos infos;
    private final OrganisationService organisations;
    private final ContentService content;
    private final RegionService regions;
    private final AuditService audit;
    private final JsonMapper json;
    private final Clock clock;

    AlertService(AlertWorkflow workflow, AlertTemplates templates, AlertConfiguration configuration,
                 AlertRepositories.Messages messages, AlertRepositories.Infos infos,
                 OrganisationService organisations, ContentService content, RegionService regions, AuditService audit,
                 JsonMapper json, Clock clock) {
        this.workflow = workflow;
        this.templates = templates;
        this.configuration = configuration;
        this.messages = messages;
        this.infos = infos;
        this.organisations = organisations;
        this.content = content;
        this.regions = regions;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    AlertViews.Alert draft(AlertViews.AlertRequest request, Caller caller) {
        return view(workflow.draft(request, actor(caller, Role.ALERT_ISSUER)));
    }

    AlertViews.Alert fromTemplate(AlertViews.FromTemplate request, Caller caller) {
        Actor actor = actor(caller, Role.ALERT_ISSUER);
        AlertTemplates.Template template = templates.find(request.template());
        AlertViews.AlertRequest alert = new AlertViews.AlertRequest(request.status(), template.hazard(), null,
                template.urgency(), template.severity(), template.certainty(), template.responseType(), request.onset(),
                request.expires(), null, request.area(), templates.render(request.template(), request.values()));
        return view(workflow.draft(alert, actor));
    }

    /** Creates a draft (or, for a trusted feed's own system key, a published alert) from a CAP 1.2 message. */
    AlertViews.Alert importCap(byte[] xml, Caller caller) {
        Actor actor = actor(caller, Role.ALERT_ISSUER);
        List<Problem.FieldError> errors = new ArrayList<>();
        CapImport.Converted converted = readCap(xml, errors)
                .flatMap(message -> CapImport.convert(message, errors))
                .orElseThrow(() -> new ProblemException(HttpStatus.BAD_REQUEST, "cap-invalid",
                        errors.size() + " problems in the CAP message; the first: " + errors.get(0).field() + ": "
                                + errors.get(0).message(), errors));
        // Only the feed itself publishes at once: a person importing a file gets a draft like any other.
        boolean trusted = configuration.trusted(actor.organisation()) && actor.person() == null;
        return view(oneAtATime(() -> workflow.importMessage(converted, trusted, actor)));
    }

    /** Checks a CAP message as an import would, and stores nothing. */
    AlertViews.CapCheck validateCap(byte[] xml, Caller caller) {
        Actor actor = actor(caller, Role.ALERT_ISSUER);
        List<Problem.FieldError> capErrors = new ArrayList<>();
        Optional<CapMessage> message = readCap(xml, capErrors);
        List<Problem.FieldError> paraatErrors = new ArrayList<>();
        Optional<CapImport.Converted> converted = message.flatMap(found -> CapImport.convert(found, paraatErrors));
        List<Problem.FieldError> areaErrors = converted.map(found -> workflow.areaProblems(found.request(), actor))
                .orElse(List.of());
        return new AlertViews.CapCheck(capErrors.isEmpty(), capErrors, message.isPresent() && paraatErrors.isEmpty(),
                paraatErrors, converted.isPresent() && areaErrors.isEmpty(), areaErrors);
    }

    /** A published message as CAP 1.2 XML. */
    @ReadOnly
    String exportCap(long id) {
        AlertMessage message = messages.findById(id).filter(found -> found.publishedAt() != null)
                .orElseThrow(() -> ProblemException.notFound("No alert " + id + "."));
        AlertMessage referenced = message.referencesId() == null ? null : messages.findById(message.referencesId()).orElse(null);
        return CapWriter.write(message, infos.findByAlertIdOrderByLanguage(id), referenced, regions);
    }

    @ReadOnly
    String atom(@Nullable String area, @Nullable String locale, String baseUrl) {
        if (area == null || area.isBlank()) {
            throw ProblemException.invalid("area", "Give a municipality (GMxxxx) or safety region (VRxx) code.");
        }
        AlertViews.PublicAlerts alerts = activeAlerts(area, null, null, locale, null, false);
        return AtomFeed.write(area.strip().toUpperCase(Locale.ROOT), baseUrl, alerts.alerts(), clock.instant());
    }

    /** The alerts active in an area now, in the language (else Dutch), for the offline bundle; by id. */
    @ReadOnly
    public java.util.Map<String, Object> offlineAlerts(String area, String locale) {
        java.util.Map<String, Object> active = new java.util.TreeMap<>();
        activeAlerts(area, null, null, locale, null, false).alerts()
                .forEach(alert -> active.put(Long.toString(alert.id()), alert));
        return active;
    }

    private static Optional<CapMessage> readCap(byte[] xml, List<Problem.FieldError> errors) {
        try {
            CapReader.Result result = CapReader.read(CapXml.parse(xml));
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
        return view(oneAtATime(() -> workflow.edit(id, request, actor(caller, Role.ALERT_ISSUER))));
    }

    AlertViews.Alert submit(long id, Caller caller) {
        return view(oneAtATime(() -> workflow.submit(id, actor(caller, Role.ALERT_ISSUER))));
    }

    AlertViews.Alert reject(long id, @Nullable String note, Caller caller) {
        return view(oneAtATime(() -> workflow.reject(id, note, actor(caller, Role.ALERT_APPROVER))));
    }

    AlertViews.Alert approve(long id, Caller caller) {
        return view(oneAtATime(() -> workflow.approve(id, actor(caller, Role.ALERT_APPROVER))));
    }

    AlertViews.Alert publishImmediately(long id, Caller caller) {
        return view(oneAtATime(() -> workflow.publishImmediately(id, actor(caller, Role.ALERT_URGENT))));
    }

    AlertViews.Alert review(long id, @Nullable String note, Caller caller) {
        return view(oneAtATime(() -> workflow.review(id, note, actor(caller, Role.ALERT_APPROVER))));
    }

    AlertViews.Alert update(long id, AlertViews.AlertRequest request, Caller caller) {
        return view(oneAtATime(() -> workflow.update(id, request, actor(caller, Role.ALERT_ISSUER))));
    }

    AlertViews.Alert cancel(long id, @Nullable AlertViews.AlertRequest request, Caller caller) {
        return view(oneAtATime(() -> workflow.cancel(id, request, actor(caller, Role.ALERT_ISSUER))));
    }

    @ReadOnly
    AlertViews.Alert get(long id, Caller caller) {
        return view(workflow.own(id, actorOfAnyAlertRole(caller)));
    }

    @ReadOnly
    List<AlertViews.Alert> list(Caller caller) {
        Actor actor = actorOfAnyAlertRole(caller);
        return messages.findByOrganisationOrderByIdDesc(actor.organisation()).stream().map(this::view).toList();
    }

    List<AuditEntry> history(long id, Caller caller) {
        workflow.own(id, actorOfAnyAlertRole(caller));
        return audit.history(AlertWorkflow.TARGET, Long.toString(id));
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
        return workflow.expire();
    }

    /**
     * The active messages for a municipality or safety region (or the municipality of a point), newest
     * first, in the requested language. Exercises and tests only for residents who asked for them.
     */
    @ReadOnly
    Representation active(@Nullable String area, @Nullable Double lat, @Nullable Double lon, @Nullable String locale,
                          @Nullable String acceptLanguage, boolean includeTests) {
        return Representation.json(json, activeAlerts(area, lat, lon, locale, acceptLanguage, includeTests));
    }

    private AlertViews.PublicAlerts activeAlerts(@Nullable String area, @Nullable Double lat, @Nullable Double lon,
                                                 @Nullable String locale, @Nullable String acceptLanguage,
                                                 boolean includeTests) {
        Set<String> municipalities = municipalities(area, lat, lon);
        String language = content.locale(locale, acceptLanguage);
        Instant now = clock.instant();
        List<AlertMessage> matching = messages.findByStateOrderByPublishedAtDesc(AlertState.PUBLISHED).stream()
                .filter(message -> message.expires().isAfter(now))
                // A cancellation ends what residents see; it is pushed, not listed as a warning of its own.
                .filter(message -> message.msgType() != Cap.MsgType.Cancel)
                .filter(message -> includeTests || message.status() == Cap.Status.Actual)
                .filter(message -> AlertWorkflow.split(message.affectedMunicipalities(), ",").stream()
                        .anyMatch(municipalities::contains))
                .toList();
        Map<Long, List<AlertInfo>> texts = texts(matching);
        List<AlertViews.PublicAlert> alerts = matching.stream()
                .map(message -> publicView(message, texts.getOrDefault(message.id(), List.of()), language))
                .toList();
        return new AlertViews.PublicAlerts(language, alerts);
    }

    /** A message that has been published, whatever became of it since; drafts are not public. */
    @ReadOnly
    AlertViews.PublicAlertDetail publicAlert(long id, @Nullable String locale, @Nullable String acceptLanguage) {
        AlertMessage message = messages.findById(id)
                .filter(found -> found.publishedAt() != null)
                .orElseThrow(() -> ProblemException.notFound("No alert " + id + "."));
        return new AlertViews.PublicAlertDetail(publicView(message, infos.findByAlertIdOrderByLanguage(id),
                content.locale(locale, acceptLanguage)), AlertGeoJson.of(message, regions));
    }

    private Set<String> municipalities(@Nullable String area, @Nullable Double lat, @Nullable Double lon) {
        if (area != null && !area.isBlank()) {
            String code = area.strip().toUpperCase(Locale.ROOT);
            if (code.equals(RegionService.NATIONAL) || !regions.isKnownArea(code)) {
                throw ProblemException.invalid("area", "Give a municipality (GMxxxx) or safety region (VRxx) code.");
            }
            return regions.municipalitiesOf(code);
        }
        if (lat == null || lon == null) {
            throw ProblemException.invalid(lat == null ? "lat" : "lon", "Give area, or lat and lon.");
        }
        return regions.locate(lat, lon).map(location -> Set.of(location.municipality().code()))
                .orElseThrow(() -> ProblemException.notFound("No Dutch municipality contains the point " + lat + ", " + lon + "."));
    }

    private Map<Long, List<AlertInfo>> texts(List<AlertMessage> matching) {
        if (matching.isEmpty()) {
            return Map.of();
        }
        return infos.findByAlertIdInOrderByLanguage(matching.stream().map(AlertMessage::id).toList()).stream()
                .collect(Collectors.groupingBy(AlertInfo::alertId));
    }

    private AlertViews.PublicAlert publicView(AlertMessage message, List<AlertInfo> texts, String language) {
        AlertInfo info = texts.stream().filter(text -> text.language().equals(language)).findFirst()
                .or(() -> texts.stream().filter(text -> text.language().equals("nl")).findFirst())
                .orElseThrow(() -> new IllegalStateException("Alert " + message.id() + " has no Dutch text"));
        List<String> municipalities = AlertWorkflow.split(message.affectedMunicipalities(), ",");
        Map<String, String> links = new LinkedHashMap<>();
        links.put("riskPage", "/api/v1/risks/" + message.hazard() + "?locale=" + language
                + (municipalities.isEmpty() ? "" : "&region=" + municipalities.get(0)));
        if (!municipalities.isEmpty()) {
            regions.interiorPoint(municipalities.get(0)).ifPresent(point -> links.put("nearestOpenPoints",
                    "/api/v1/points/nearest?lat=" + round(point[0]) + "&lon=" + round(point[1]) + "&status=active"));
        }
        boolean active = message.state() == AlertState.PUBLISHED && message.msgType() != Cap.MsgType.Cancel
                && message.expires().isAfter(clock.instant());
        return new AlertViews.PublicAlert(message.id(), message.identifier(), message.status(),
                message.status() != Cap.Status.Actual, message.msgType(), Hazard.find(message.hazard()).orElseThrow(),
                message.category(), message.urgency(), message.severity(), message.certainty(), message.responseType(),
                message.onset(), message.expires(), message.publishedAt(), message.web(), info.language(),
                !info.language().equals(language), info.event(), info.headline(), info.description(), info.instruction(),
                AlertWorkflow.split(message.areaCodes(), ","), municipalities, message.organisation(), active,
                message.state(), links);
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
                message.expires(), message.web(), new AlertViews.Area(AlertWorkflow.split(message.areaCodes(), ","),
                AlertWorkflow.split(message.polygons(), "\n"), AlertWorkflow.split(message.circles(), "\n"),
                AlertWorkflow.split(message.affectedMunicipalities(), ",")), message.state(), message.author(),
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

    private static double round(double degrees) {
        return Math.round(degrees * 10_000) / 10_000.0;
    }

}
