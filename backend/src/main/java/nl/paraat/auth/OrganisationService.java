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
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Organisations, their areas and their API keys; every change is written to the audit log with it. */
@Singleton
public class OrganisationService {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}[a-z0-9]");
    private static final String ORGANISATION = "organisation";
    private static final String API_KEY = "api-key";

    private final OrganisationRepository organisations;
    private final OrganisationAreaRepository areas;
    private final ApiKeyRepository keys;
    private final RegionService regions;
    private final AuditService audit;
    private final Clock clock;

    OrganisationService(OrganisationRepository organisations, OrganisationAreaRepository areas, ApiKeyRepository keys,
                        RegionService regions, AuditService audit, Clock clock) {
        this.organisations = organisations;
        this.areas = areas;
        this.keys = keys;
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
                request.kind(), now()));
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
        return new Actor(caller.actor(), caller.organisation(), organisation.area());
    }

    @ReadOnly
    public List<OrganisationView> list() {
        return organisations.findAllOrderByCode().stream().map(this::view).toList();
    }

    @Transactional
    IssuedApiKey createKey(String organisationCode, String label, Collection<Role> roles, String actor) {
        Organisation organisation = existing(organisationCode);
        if (label == null || label.isBlank() || label.length() > 100) {
            throw ProblemException.invalid("label", "A label of 1 to 100 characters is required.");
        }
        if (roles == null || roles.isEmpty()) {
            throw ProblemException.invalid("roles", "Give the key at least one role.");
        }
        List<Role> sortedRoles = EnumSet.copyOf(roles).stream().toList();
        ApiKeySecrets.Generated generated = ApiKeySecrets.generate();
        keys.save(new ApiKey(null, generated.publicId(), organisation.id(), label.strip(), generated.secretHash(),
                String.join(",", sortedRoles.stream().map(Role::value).toList()), now(), actor, null, null));
        audit.record(actor, organisation.code(), "api-key.created", API_KEY, generated.publicId(),
                "label=" + label.strip() + " roles=" + sortedRoles.stream().map(Role::value).toList());
        return new IssuedApiKey(generated.publicId(), generated.token(), organisation.code(), label.strip(), sortedRoles);
    }

    @Transactional
    void revokeKey(String organisationCode, String keyId, String actor) {
        Organisation organisation = existing(organisationCode);
        ApiKey key = keys.findByPublicId(keyId)
                .filter(found -> found.organisationId().equals(organisation.id()))
                .orElseThrow(() -> ProblemException.notFound("Organisation '" + organisationCode
                        + "' has no API key '" + keyId + "'."));
        if (key.revoked()) {
            return;
        }
        keys.update(new ApiKey(key.id(), key.publicId(), key.organisationId(), key.label(), key.secretHash(),
                key.roles(), key.createdAt(), key.createdBy(), now(), actor));
        audit.record(actor, organisation.code(), "api-key.revoked", API_KEY, key.publicId(), "label=" + key.label());
    }

    @ReadOnly
    List<ApiKeyView> keys(String organisationCode) {
        Organisation organisation = existing(organisationCode);
        return keys.findByOrganisationIdOrderById(organisation.id()).stream()
                .map(key -> new ApiKeyView(key.publicId(), key.label(), roles(key), key.createdAt(), key.createdBy(),
                        key.revokedAt()))
                .toList();
    }

    /** @return the caller an API key stands for, or empty for an unknown, wrong or revoked key */
    @ReadOnly
    Optional<Caller> authenticate(String token) {
        return ApiKeySecrets.parse(token)
                .flatMap(parsed -> keys.findByPublicId(parsed.publicId())
                        .filter(key -> !key.revoked() && ApiKeySecrets.matches(parsed.secret(), key.secretHash())))
                .flatMap(key -> organisations.findById(key.organisationId())
                        .map(organisation -> new Caller("api-key:" + key.publicId(), organisation.code(),
                                Set.copyOf(roles(key)), "api-key")));
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
                organisation.createdAt());
    }

    private static List<Role> roles(ApiKey key) {
        return Arrays.stream(key.roles().split(",")).map(Role::find).flatMap(Optional::stream).toList();
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
