package nl.paraat.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.paraat.audit.AuditService;
import nl.paraat.common.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * API keys. A key bound to a member acts as that person; a key without one is a system key, which can
 * never approve. Through the API a person mints keys only for themselves and with no role they do not
 * hold, so that no one makes a key that passes for a colleague, escapes their own removal, or drafts
 * anonymously for them to approve. System keys come from the operator's command line (or from a
 * system key the operator made).
 */
@Singleton
class ApiKeyService {

    private static final String API_KEY = "api-key";
    private static final Set<Role> NEED_A_PERSON = EnumSet.of(Role.ALERT_APPROVER, Role.ALERT_URGENT);

    private final OrganisationRepository organisations;
    private final ApiKeyRepository keys;
    private final MemberService members;
    private final AuditService audit;
    private final Clock clock;

    ApiKeyService(OrganisationRepository organisations, ApiKeyRepository keys, MemberService members, AuditService audit,
                  Clock clock) {
        this.organisations = organisations;
        this.keys = keys;
        this.members = members;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param requester who asks through the API, or null for the operator's command line
     * @param actor     how the audit log names who asked
     */
    @Transactional
    IssuedApiKey create(String organisationCode, String label, Collection<Role> roles, @Nullable String memberSubject,
                        @Nullable Caller requester, String actor) {
        Organisation organisation = existing(organisationCode);
        if (label == null || label.isBlank() || label.length() > 100) {
            throw ProblemException.invalid("label", "A label of 1 to 100 characters is required.");
        }
        if (roles == null || roles.isEmpty()) {
            throw ProblemException.invalid("roles", "Give the key at least one role.");
        }
        Member member = requester == null
                ? (memberSubject == null ? null : current(organisation, memberSubject.strip()))
                : ownMember(organisation, memberSubject, requester);
        List<Role> sortedRoles = EnumSet.copyOf(roles).stream().toList();
        if (requester != null && !requester.roles().containsAll(sortedRoles)) {
            throw ProblemException.forbiddenField("roles", "A key gets only roles its maker holds; these credentials hold "
                    + requester.roles().stream().map(Role::value).sorted().toList() + ".");
        }
        if (member == null && sortedRoles.stream().anyMatch(NEED_A_PERSON::contains)) {
            throw ProblemException.invalid("roles", "alert-approver and alert-urgent act as a person: give the key a member.");
        }
        if (sortedRoles.contains(Role.ALERT_URGENT) && !organisation.singlePersonPublishing()) {
            throw ProblemException.forbiddenField("roles", "Organisation '" + organisation.code() + "' may not publish"
                    + " without a second person; the operator grants that privilege.");
        }
        ApiKeySecrets.Generated generated = ApiKeySecrets.generate();
        keys.save(new ApiKey(null, generated.publicId(), organisation.id(), label.strip(), generated.secretHash(),
                String.join(",", sortedRoles.stream().map(Role::value).toList()), now(), actor, null, null,
                member == null ? null : member.id()));
        audit.record(actor, organisation.code(), "api-key.created", API_KEY, generated.publicId(),
                "label=" + label.strip() + " roles=" + sortedRoles.stream().map(Role::value).toList()
                        + (member == null ? " system key" : " member=" + member.subject()));
        return new IssuedApiKey(generated.publicId(), generated.token(), organisation.code(), label.strip(), sortedRoles,
                member == null ? null : member.subject());
    }

    private Member current(Organisation organisation, String subject) {
        return members.current(organisation.id(), subject).orElseThrow(() -> ProblemException.invalid("member",
                "Organisation '" + organisation.code() + "' has no current member '" + subject + "'."));
    }

    /** The member an API request may mint a key for: the requester themselves; none for a system key. */
    @Nullable
    private Member ownMember(Organisation organisation, @Nullable String memberSubject, Caller requester) {
        if (requester.person() == null) {
            if (memberSubject != null) {
                throw ProblemException.forbiddenField("member", "A system key mints only system keys; a key for a member"
                        + " is minted by that member or by the operator.");
            }
            return null;
        }
        String own = requester.person().substring(Person.PREFIX.length());
        if (memberSubject != null && !memberSubject.strip().equals(own)) {
            throw ProblemException.forbiddenField("member", "A key for a member is minted by that member or by the"
                    + " operator; these credentials belong to " + requester.person() + ".");
        }
        return current(organisation, own);
    }

    @Transactional
    void revoke(String organisationCode, String keyId, String actor) {
        Organisation organisation = existing(organisationCode);
        ApiKey key = keys.findByPublicId(keyId)
                .filter(found -> found.organisationId().equals(organisation.id()))
                .orElseThrow(() -> ProblemException.notFound("Organisation '" + organisationCode
                        + "' has no API key '" + keyId + "'."));
        if (key.revoked()) {
            return;
        }
        keys.update(key.revoke(now(), actor));
        audit.record(actor, organisation.code(), "api-key.revoked", API_KEY, key.publicId(), "label=" + key.label());
    }

    @ReadOnly
    List<ApiKeyView> list(String organisationCode) {
        Organisation organisation = existing(organisationCode);
        return keys.findByOrganisationIdOrderById(organisation.id()).stream()
                .map(key -> new ApiKeyView(key.publicId(), key.label(), roles(key),
                        key.memberId() == null ? null : members.byId(key.memberId()).map(Member::subject).orElse(null),
                        key.createdAt(), key.createdBy(), key.revokedAt()))
                .toList();
    }

    /** @return the caller an API key stands for, or empty for an unknown, wrong or revoked key or a removed member */
    @ReadOnly
    Optional<Caller> authenticate(String token) {
        return ApiKeySecrets.parse(token)
                .flatMap(parsed -> keys.findByPublicId(parsed.publicId())
                        .filter(key -> !key.revoked() && ApiKeySecrets.matches(parsed.secret(), key.secretHash())))
                .flatMap(key -> organisations.findById(key.organisationId()).flatMap(organisation -> {
                    if (key.memberId() == null) {
                        return Optional.of(caller(key, organisation, null));
                    }
                    return members.byId(key.memberId()).filter(member -> !member.removed())
                            .map(member -> caller(key, organisation, member.person()));
                }));
    }

    private static Caller caller(ApiKey key, Organisation organisation, @Nullable String person) {
        return new Caller("api-key:" + key.publicId(), organisation.code(), Set.copyOf(roles(key)), "api-key", person);
    }

    private Organisation existing(String code) {
        return organisations.findByCode(code)
                .orElseThrow(() -> ProblemException.notFound("No organisation with code '" + code + "'."));
    }

    private static List<Role> roles(ApiKey key) {
        return Arrays.stream(key.roles().split(",")).map(Role::find).flatMap(Optional::stream).toList();
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
