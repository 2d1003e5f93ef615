package nl.paraat.auth;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.paraat.audit.AuditService;
import nl.paraat.common.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The people of each organisation. An admin registers them; a person signing in through the identity
 * provider for the first time is registered from the token. A removed member's keys and tokens stop
 * working at once.
 */
@Singleton
class MemberService {

    /** No spaces or commas: a person's name is kept in comma-separated lists of an alert's contributors. */
    static final String SUBJECT = "[A-Za-z0-9._@|:+=-]{1,128}";
    private static final java.util.regex.Pattern SUBJECT_PATTERN = java.util.regex.Pattern.compile(SUBJECT);
    private static final String TARGET = "member";

    private final OrganisationRepository organisations;
    private final MemberRepository members;
    private final AuditService audit;
    private final Clock clock;

    MemberService(OrganisationRepository organisations, MemberRepository members, AuditService audit, Clock clock) {
        this.organisations = organisations;
        this.members = members;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    MemberView register(String organisationCode, String subject, String name, String actor) {
        Organisation organisation = existing(organisationCode);
        String cleanSubject = subject == null ? "" : subject.strip();
        if (!SUBJECT_PATTERN.matcher(cleanSubject).matches()) {
            throw ProblemException.invalid("subject", "Use 1 to 128 letters, digits and . _ @ | : + = - (no spaces or commas).");
        }
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw ProblemException.invalid("name", "A name of 1 to 200 characters is required.");
        }
        if (members.findByOrganisationIdAndSubject(organisation.id(), cleanSubject).isPresent()) {
            throw ProblemException.conflict("subject", "Organisation '" + organisationCode + "' has a member '"
                    + cleanSubject + "' already.");
        }
        Member saved = members.save(new Member(null, organisation.id(), cleanSubject, name.strip(), now(), actor, null, null));
        audit.record(actor, organisation.code(), "member.registered", TARGET, saved.subject(), "name=" + saved.displayName());
        return MemberView.of(saved);
    }

    @ReadOnly
    List<MemberView> list(String organisationCode) {
        return members.findByOrganisationIdOrderBySubject(existing(organisationCode).id()).stream().map(MemberView::of).toList();
    }

    @Transactional
    void remove(String organisationCode, String subject, String actor) {
        Organisation organisation = existing(organisationCode);
        Member member = exactly(organisation.id(), subject)
                .orElseThrow(() -> ProblemException.notFound("Organisation '" + organisationCode + "' has no member '"
                        + subject + "'."));
        if (member.removed()) {
            return;
        }
        members.update(new Member(member.id(), member.organisationId(), member.subject(), member.displayName(),
                member.createdAt(), member.createdBy(), now(), actor));
        audit.record(actor, organisation.code(), "member.removed", TARGET, member.subject(), "name=" + member.displayName());
    }

    /** A current member of the organisation, or empty if there is none with that subject or it was removed. */
    @ReadOnly
    Optional<Member> current(long organisationId, String subject) {
        return exactly(organisationId, subject).filter(member -> !member.removed());
    }

    /** Subjects are compared exactly: jdevries and JDevries may be two people at an identity provider. */
    private Optional<Member> exactly(long organisationId, String subject) {
        return members.findByOrganisationIdAndSubject(organisationId, subject)
                .filter(member -> member.subject().equals(subject));
    }

    @ReadOnly
    Optional<Member> byId(long memberId) {
        return members.findById(memberId);
    }

    /**
     * The member a token of the identity provider stands for, registered on first sign-in; empty when the
     * subject cannot name a person here or the member was removed.
     */
    Optional<Member> signIn(String organisationCode, String subject, String name) {
        if (subject == null || !SUBJECT_PATTERN.matcher(subject).matches()) {
            return Optional.empty();
        }
        Organisation organisation = organisations.findByCode(organisationCode).orElse(null);
        if (organisation == null) {
            return Optional.empty();
        }
        Optional<Member> known = exactly(organisation.id(), subject);
        if (known.isPresent()) {
            return known.filter(member -> !member.removed());
        }
        try {
            String shown = name == null || name.isBlank() ? subject : name.strip();
            register(organisationCode, subject, shown.substring(0, Math.min(200, shown.length())), "oidc:" + subject);
        } catch (DataAccessException | ProblemException e) {
            // A simultaneous first sign-in of the same person registered them; read what it stored.
        }
        return current(organisation.id(), subject);
    }

    private Organisation existing(String code) {
        return organisations.findByCode(code)
                .orElseThrow(() -> ProblemException.notFound("No organisation with code '" + code + "'."));
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
