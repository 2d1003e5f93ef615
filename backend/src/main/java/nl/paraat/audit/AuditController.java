package nl.paraat.audit;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import nl.paraat.auth.Caller;
import nl.paraat.auth.Role;

import java.util.List;

@Controller("/api/v1/admin/organisations/{code}/audit")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditController {

    private final AuditService audit;

    AuditController(AuditService audit) {
        this.audit = audit;
    }

    @Get
    List<AuditEntry> latest(@PathVariable String code,
                            @QueryValue(defaultValue = "50") @Min(1) @Max(500) int limit,
                            Authentication authentication) {
        Caller.of(authentication).require(Role.ADMIN, code);
        return audit.latest(code, limit);
    }
}
