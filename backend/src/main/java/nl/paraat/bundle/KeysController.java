package nl.paraat.bundle;

import io.micronaut.core.annotation.NonBlocking;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.Map;
import nl.paraat.common.SigningKeys;

/** The public keys that bundles and alerts are signed with. */
@Controller("/api/v1/keys")
@Secured(SecurityRule.IS_ANONYMOUS)
@NonBlocking
class KeysController {

    private final SigningKeys keys;

    KeysController(SigningKeys keys) {
        this.keys = keys;
    }

    @Get
    MutableHttpResponse<Map<String, Object>> keys() {
        return HttpResponse.ok(keys.publicJwkSet()).header("Cache-Control", "public, max-age=3600");
    }
}
