package nl.paraat.auth;

import io.micronaut.context.ApplicationContext;
import nl.paraat.testing.TestCodes;

import java.util.List;

/** Creates organisations and keys through the real service, for tests of other features. */
public final class AuthFixtures {

    private AuthFixtures() {
    }

    public record Member(String organisation, String keyId, String token) {
    }

    /** Another key of an existing organisation: a second member, for rules such as four eyes. */
    public static String keyFor(ApplicationContext context, String organisation, Role... roles) {
        return context.getBean(OrganisationService.class).createKey(organisation, "second member", List.of(roles), "test").key();
    }

    public static Member organisationWithKey(ApplicationContext context, OrganisationKind kind, List<String> area,
                                             Role... roles) {
        OrganisationService organisations = context.getBean(OrganisationService.class);
        String code = TestCodes.unique("org");
        organisations.create(new NewOrganisation(code, "Test organisation " + code, kind, area), "test");
        IssuedApiKey key = organisations.createKey(code, "test key", List.of(roles), "test");
        return new Member(code, key.id(), key.key());
    }
}
