package nl.paraat.auth;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import nl.paraat.common.ProblemException;

import java.util.List;

@Controller("/api/v1/admin")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class OrganisationAdminController {

    private final OrganisationService organisations;
    private final ApiKeyService keys;

    OrganisationAdminController(OrganisationService organisations, ApiKeyService keys) {
        this.organisations = organisations;
        this.keys = keys;
    }

    @Get("/me")
    CallerView me(Authentication authentication) {
        Caller caller = Caller.of(authentication);
        OrganisationView organisation = organisations.find(caller.organisation())
                .orElseThrow(() -> ProblemException.forbidden("The caller's organisation no longer exists."));
        return new CallerView(caller.actor(), caller.authenticatedBy(), caller.person(), organisation,
                caller.roles().stream().sorted().toList());
    }

    @Get("/organisations/{code}/api-keys")
    List<ApiKeyView> keys(@PathVariable String code, Authentication authentication) {
        Caller.of(authentication).require(Role.ADMIN, code);
        return keys.list(code);
    }

    @Post("/organisations/{code}/api-keys")
    HttpResponse<IssuedApiKey> createKey(@PathVariable String code, @Body @Valid NewApiKeyRequest request,
                                         Authentication authentication) {
        Caller caller = Caller.of(authentication);
        caller.require(Role.ADMIN, code);
        return HttpResponse.created(keys.create(code, request.label(), request.roles(), request.member(), caller,
                caller.actor()));
    }

    @Delete("/organisations/{code}/api-keys/{keyId}")
    HttpResponse<Void> revokeKey(@PathVariable String code, @PathVariable String keyId, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        caller.require(Role.ADMIN, code);
        keys.revoke(code, keyId, caller.actor());
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }
}
