package nl.paraat.auth;

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
import nl.paraat.audit.AuditEntry;
import nl.paraat.audit.AuditService;

import java.util.List;

@Controller("/api/v1/admin/organisations/{code}/audit")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
/**
 * An organisation's audit log for its admins. It lives with the organisations rather than in
 * {@code audit}, so that the audit log depends on nobody and everyone may record into it.
 */
class AuditLogController {

    private final AuditService audit;

    AuditLogController(AuditService audit) {
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
