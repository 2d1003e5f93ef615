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

import java.util.List;

/** An organisation's admin registers and removes the people who act for it. */
@Controller("/api/v1/admin/organisations/{code}/members")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class MemberAdminController {

    private final MemberService members;

    MemberAdminController(MemberService members) {
        this.members = members;
    }

    @Get
    List<MemberView> list(@PathVariable String code, Authentication authentication) {
        Caller.of(authentication).require(Role.ADMIN, code);
        return members.list(code);
    }

    @Post
    HttpResponse<MemberView> register(@PathVariable String code, @Body @Valid NewMemberRequest request,
                                      Authentication authentication) {
        Caller caller = Caller.of(authentication);
        caller.require(Role.ADMIN, code);
        return HttpResponse.created(members.register(code, request.subject(), request.name(), caller.actor()));
    }

    @Delete("/{subject}")
    HttpResponse<Void> remove(@PathVariable String code, @PathVariable String subject, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        caller.require(Role.ADMIN, code);
        members.remove(code, subject, caller.actor());
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }
}
