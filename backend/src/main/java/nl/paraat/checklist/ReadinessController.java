package nl.paraat.checklist;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import nl.paraat.auth.Caller;

@Controller("/api/v1/admin/stats/readiness")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ReadinessController {

    private final ReadinessService readiness;

    ReadinessController(ReadinessService readiness) {
        this.readiness = readiness;
    }

    @Get
    ReadinessStats readiness(@QueryValue @Nullable String region, Authentication authentication) {
        return readiness.readiness(region, Caller.of(authentication));
    }
}
