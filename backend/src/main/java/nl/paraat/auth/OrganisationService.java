package nl.paraat.auth;

import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.paraat.audit.AuditService;
import nl.paraat.common.ProblemException;
import nl.paraat.region.RegionService;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Organisations and their areas; every change is written to the audit log with it. */
@Singleton
public class OrganisationService {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}[a-z0-9]");
    private static final String ORGANISATION = "organisation";

    private final OrganisationRepository organisations;
    private final OrganisationAreaRepository areas;
    private final RegionService regions;
    private final AuditService audit;
    private final Clock clock;

    OrganisationService(OrganisationRepository organisations, OrganisationAreaRepository areas,
                        RegionService regions, AuditService audit, Clock clock) {
        this.organisations = organisations;
        this.areas = areas;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public OrganisationView create(NewOrganisation request, String actor) {
        if (request.code() == null || !CODE.matcher(request.code()).matches()) {
            throw ProblemException.invalid("code", "Use 3 to 64 lowercase letters, digits and hyphens.");
        }
        if (request.name() == null || request.name().isBlank() || request.name().length() > 200) {
            throw ProblemException.invalid("name", "A name of 1 to 200 characters is required.");
        }
        if (request.kind() == null) {
            throw ProblemException.invalid("kind", "Choose municipality, safety-region or national.");
        }
        Set<String> area = validArea(request.area());
        if (organisations.existsByCode(request.code())) {
            throw ProblemException.conflict("code", "An organisation with code '" + request.code() + "' exists.");
        }
        Organisation saved = organisations.save(new Organisation(null, request.code(), request.name().strip(),
                request.kind(), now(), false));
        area.forEach(code -> areas.save(new OrganisationArea(null, saved.id(), code)));
        audit.record(actor, saved.code(), "organisation.created", ORGANISATION, saved.code(),
                "kind=" + saved.kind().value() + " area=" + String.join(",", area));
        return view(saved);
    }

    @ReadOnly
    public Optional<OrganisationView> find(String code) {
        return organisations.findByCode(code).map(this::view);
    }

    /** The caller as an actor with its organisation's current area; forbidden when the organisation is gone. */
    @ReadOnly
    public Actor actor(Caller caller) {
        OrganisationView organisation = find(caller.organisation())
                .orElseThrow(() -> ProblemException.forbidden("The caller's organisation no longer exists."));
        boolean alone = organisation.singlePersonPublishing() && caller.person() != null
                && caller.roles().contains(Role.ALERT_URGENT);
        return new Actor(caller.actor(), caller.organisation(), organisation.area(), caller.person(), alone);
    }

    @ReadOnly
    public List<OrganisationView> list() {
        return organisations.findAllOrderByCode().stream().map(this::view).toList();
    }

    /** Lets members with the role alert-urgent publish alone, or stops it; for the operator, never through the API. */
    @Transactional
    OrganisationView allowSinglePersonPublishing(String code, boolean allowed, String actor) {
        Organisation organisation = existing(code);
        Organisation changed = organisations.update(organisation.withSinglePersonPublishing(allowed));
        audit.record(actor, code, allowed ? "organisation.single-person-publishing-allowed"
                : "organisation.single-person-publishing-withdrawn", ORGANISATION, code, null);
        return view(changed);
    }

    private Organisation existing(String code) {
        return organisations.findByCode(code)
                .orElseThrow(() -> ProblemException.notFound("No organisation with code '" + code + "'."));
    }

    private Set<String> validArea(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw ProblemException.invalid("area", "Give at least one area code (GMxxxx, VRxx or NL).");
        }
        Set<String> area = new TreeSet<>();
        for (String code : requested) {
            String normalised = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
            if (!regions.isKnownArea(normalised)) {
                throw ProblemException.invalid("area", "Unknown area code '" + code + "'.");
            }
            area.add(normalised);
        }
        return area;
    }

    private OrganisationView view(Organisation organisation) {
        List<String> area = areas.findByOrganisationIdOrderByAreaCode(organisation.id()).stream()
                .map(OrganisationArea::areaCode).toList();
        return new OrganisationView(organisation.code(), organisation.name(), organisation.kind(), area,
                organisation.createdAt(), organisation.singlePersonPublishing());
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
