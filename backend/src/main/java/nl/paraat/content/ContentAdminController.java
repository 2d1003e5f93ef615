package nl.paraat.content;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import nl.paraat.auth.Caller;
import nl.paraat.auth.Role;

@Controller("/api/v1/admin/content")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ContentAdminController {

    private final ContentService content;

    ContentAdminController(ContentService content) {
        this.content = content;
    }

    /** Validates the content folder and serves it when valid; 422 lists the errors and keeps the current version. */
    @Post("/reload")
    HttpResponse<ContentViews.ReloadResult> reload(Authentication authentication) {
        Caller caller = Caller.of(authentication);
        caller.requireRole(Role.EDITOR);
        ContentViews.ReloadResult result = content.reload(caller.actor(), caller.organisation());
        return HttpResponse.status(result.applied() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY).body(result);
    }
}
