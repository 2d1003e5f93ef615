package nl.paraat.auth;

import io.micronaut.context.ApplicationContext;
import nl.paraat.testing.TestCodes;

import java.util.List;

/** Creates organisations, members and keys through the real services, for tests of other features. */
public final class AuthFixtures {

    private AuthFixtures() {
    }

    /** A key of one person ({@code subject}) of an organisation. */
    public record Member(String organisation, String keyId, String token, String subject) {

        public String person() {
            return Person.of(subject);
        }
    }

    /** A key of another person of an existing organisation, for rules such as four eyes. */
    public static String keyFor(ApplicationContext context, String organisation, Role... roles) {
        return memberWithKey(context, organisation, roles).token();
    }

    /** A new person of an existing organisation, with a key. */
    public static Member memberWithKey(ApplicationContext context, String organisation, Role... roles) {
        String subject = TestCodes.unique("person");
        context.getBean(MemberService.class).register(organisation, subject, "Member " + subject, "test");
        return key(context, organisation, subject, roles);
    }

    /** A second key of the same person: it must count as that person, not as another. */
    public static String anotherKeyOf(ApplicationContext context, Member member, Role... roles) {
        return key(context, member.organisation(), member.subject(), roles).token();
    }

    /** A key that belongs to no person, as a CAP feed or an integration has. */
    public static String systemKeyFor(ApplicationContext context, String organisation, Role... roles) {
        return context.getBean(ApiKeyService.class).create(organisation, "system key", List.of(roles), null, null, "test").key();
    }

    /**
     * A key as every key was before keys belonged to members: no person behind it, whatever its roles.
     * Such a key can no longer be made through the services, which refuse an approver without a person.
     */
    public static String legacySystemKeyFor(ApplicationContext context, String organisation, Role... roles) {
        ApiKeySecrets.Generated generated = ApiKeySecrets.generate();
        long organisationId = context.getBean(OrganisationRepository.class).findByCode(organisation).orElseThrow().id();
        context.getBean(ApiKeyRepository.class).save(new ApiKey(null, generated.publicId(), organisationId, "legacy",
                generated.secretHash(), String.join(",", java.util.Arrays.stream(roles).map(Role::value).toList()),
                java.time.Instant.now(), "test", null, null, null));
        return generated.token();
    }

    /** Lets the organisation's members with the role alert-urgent publish alone, as the operator would. */
    public static void allowSinglePersonPublishing(ApplicationContext context, String organisation) {
        context.getBean(OrganisationService.class).allowSinglePersonPublishing(organisation, true, "test");
    }

    /** An organisation with a code the test chose, e.g. one named in the configuration. */
    public static Member organisationWithKey(ApplicationContext context, String code, OrganisationKind kind,
                                             List<String> area, Role... roles) {
        context.getBean(OrganisationService.class).create(new NewOrganisation(code, "Test organisation " + code, kind, area),
                "test");
        return memberWithKey(context, code, roles);
    }

    public static Member organisationWithKey(ApplicationContext context, OrganisationKind kind, List<String> area,
                                             Role... roles) {
        OrganisationService organisations = context.getBean(OrganisationService.class);
        String code = TestCodes.unique("org");
        organisations.create(new NewOrganisation(code, "Test organisation " + code, kind, area), "test");
        return memberWithKey(context, code, roles);
    }

    private static Member key(ApplicationContext context, String organisation, String subject, Role... roles) {
        IssuedApiKey key = context.getBean(ApiKeyService.class).create(organisation, "test key", List.of(roles), subject,
                null, "test");
        return new Member(organisation, key.id(), key.key(), subject);
    }
}
