package nl.paraat.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import nl.paraat.common.ProblemException;

import java.util.EnumSet;
import java.util.Set;

/**
 * The authenticated member of an organisation behind a request, whether it came with an API key or
 * with a token of the identity provider.
 *
 * @param actor        how the audit log names this caller, e.g. {@code api-key:1f2e...} or {@code oidc:jdoe}
 * @param organisation the organisation's code
 * @param person       the member behind the credentials, the same for all of that person's keys and tokens
 *                     ({@code member:jdevries}); null for a system key, which is no person
 */
public record Caller(String actor, String organisation, Set<Role> roles, String authenticatedBy,
                     @Nullable String person) {

    static final String ORGANISATION = "organisation";
    static final String AUTHENTICATED_BY = "authenticatedBy";
    static final String PERSON = "person";

    public static Caller of(Authentication authentication) {
        Object organisation = authentication.getAttributes().get(ORGANISATION);
        Object method = authentication.getAttributes().get(AUTHENTICATED_BY);
        if (organisation == null || method == null) {
            throw ProblemException.forbidden("The credentials do not belong to an organisation.");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        authentication.getRoles().forEach(value -> Role.find(value).ifPresent(roles::add));
        Object person = authentication.getAttributes().get(PERSON);
        return new Caller(authentication.getName(), organisation.toString(), Set.copyOf(roles), method.toString(),
                person == null ? null : person.toString());
    }

    Authentication authentication() {
        java.util.Map<String, Object> attributes = new java.util.HashMap<>();
        attributes.put(ORGANISATION, organisation);
        attributes.put(AUTHENTICATED_BY, authenticatedBy);
        if (person != null) {
            attributes.put(PERSON, person);
        }
        return Authentication.build(actor, roles.stream().map(Role::value).toList(), attributes);
    }

    /** Refuses unless this caller has {@code role}, for whichever organisation. */
    public void requireRole(Role role) {
        if (!roles.contains(role)) {
            throw ProblemException.forbidden("This action needs the role '" + role.value() + "'.");
        }
    }

    /** Refuses unless this caller acts for {@code organisationCode} with {@code role}. */
    public void require(Role role, String organisationCode) {
        if (!organisation.equals(organisationCode)) {
            throw ProblemException.forbidden("These credentials act for organisation '" + organisation
                    + "', not for '" + organisationCode + "'.");
        }
        requireRole(role);
    }
}
