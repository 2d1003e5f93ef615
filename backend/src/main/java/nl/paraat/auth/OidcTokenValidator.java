package nl.paraat.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.net.MalformedURLException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * Accepts a JWT signed by the configured identity provider. The organisation named in its claim must
 * exist in Paraat; roles Paraat does not know are ignored.
 */
@Singleton
final class OidcTokenValidator implements TokenValidator<HttpRequest<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(OidcTokenValidator.class);
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.ES256, JWSAlgorithm.ES384);

    private final OidcConfiguration configuration;
    private final OrganisationService organisations;
    private final MemberService members;
    private final Scheduler blocking;
    private final DefaultJWTProcessor<SecurityContext> processor;

    OidcTokenValidator(OidcConfiguration configuration, OrganisationService organisations, MemberService members,
                       @Named(TaskExecutors.BLOCKING) ExecutorService executor) throws MalformedURLException {
        this.configuration = configuration;
        this.organisations = organisations;
        this.members = members;
        this.blocking = Schedulers.fromExecutorService(executor);
        this.processor = configuration.enabled() ? processor(configuration) : null;
    }

    private static DefaultJWTProcessor<SecurityContext> processor(OidcConfiguration configuration)
            throws MalformedURLException {
        int timeoutMillis = (int) configuration.timeout().toMillis();
        JWKSource<SecurityContext> keys = JWKSourceBuilder
                .create(URI.create(configuration.jwksUrl()).toURL(),
                        new DefaultResourceRetriever(timeoutMillis, timeoutMillis, 512 * 1024))
                .build();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder();
        if (configuration.issuer() != null) {
            exact.issuer(configuration.issuer());
        }
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(configuration.audience(), exact.build(),
                Set.of("sub", "exp", configuration.organisationClaim())));
        return processor;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        if (processor == null || token.startsWith(ApiKeySecrets.PREFIX) || token.chars().filter(c -> c == '.').count() != 2) {
            return Mono.empty();
        }
        return Mono.fromCallable(() -> authenticate(token)).subscribeOn(blocking);
    }

    private Authentication authenticate(String token) {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (Exception e) {
            LOG.debug("Rejected identity-provider token: {}", e.getMessage());
            return null;
        }
        String organisation = claimAsString(claims, configuration.organisationClaim());
        if (organisation == null || organisations.find(organisation).isEmpty()) {
            LOG.debug("Rejected token for unknown organisation {}", organisation);
            return null;
        }
        List<Role> roles = new ArrayList<>();
        for (String value : claimAsList(claims, configuration.rolesClaim())) {
            Role.find(value).ifPresent(roles::add);
        }
        // The subject is the person: registered as a member at first sign-in, refused once removed.
        Optional<Member> member = members.signIn(organisation, claims.getSubject(), claimAsString(claims, "name"));
        if (member.isEmpty()) {
            LOG.debug("Rejected token of subject {}: no current member of {}", claims.getSubject(), organisation);
            return null;
        }
        return new Caller("oidc:" + claims.getSubject(), organisation, Set.copyOf(roles), "oidc",
                member.get().person()).authentication();
    }

    private static String claimAsString(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String text ? text : null;
    }

    private static List<String> claimAsList(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        if (value instanceof List<?> list) {
            return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return value instanceof String text ? List.of(text.split("[ ,]+")) : List.of();
    }
}
