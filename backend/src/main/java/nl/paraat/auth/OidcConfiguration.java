package nl.paraat.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Members of organisations sign in at an external OpenID Connect identity provider; Paraat checks
 * the provider's signed JWTs against its JWKS and reads organisation and roles from claims.
 *
 * @param jwksUrl           the provider's JWKS address; JWT sign-in is off while it is unset
 * @param issuer            the expected {@code iss} claim
 * @param audience          the expected {@code aud} claim
 * @param organisationClaim the claim holding the organisation's code
 * @param rolesClaim        the claim holding the list of Paraat roles
 * @param timeout           how long to wait for the JWKS
 */
@ConfigurationProperties("paraat.auth.oidc")
public record OidcConfiguration(@Nullable String jwksUrl,
                                @Nullable String issuer,
                                @Bindable(defaultValue = "paraat") String audience,
                                @Bindable(defaultValue = "paraat_org") String organisationClaim,
                                @Bindable(defaultValue = "paraat_roles") String rolesClaim,
                                @Bindable(defaultValue = "5s") Duration timeout) {

    boolean enabled() {
        return jwksUrl != null && !jwksUrl.isBlank();
    }
}
