package nl.paraat.alert;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import nl.paraat.audit.AuditEntry;
import nl.paraat.auth.Caller;
import nl.paraat.common.Problem;
import nl.paraat.common.ProblemException;

import java.util.List;

/** The alert workflow for issuers and approvers of an organisation. */
@Controller("/api/v1/admin/alerts")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class AlertAdminController {

    static final String CAP_XML = "application/cap+xml";

    private final AlertService alerts;

    AlertAdminController(AlertService alerts) {
        this.alerts = alerts;
    }

    @Post
    HttpResponse<AlertViews.Alert> draft(@Body @Valid AlertViews.AlertRequest request, Authentication authentication) {
        return HttpResponse.created(alerts.draft(request, Caller.of(authentication)));
    }

    /** A CAP 1.2 message from the organisation's own alerting system becomes a draft (or, for trusted feeds, is published). */
    @Post(value = "/cap", consumes = {CAP_XML, MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    HttpResponse<AlertViews.Alert> importCap(@Body byte[] xml, @Header("Content-Type") @Nullable String contentType,
                                             Authentication authentication) {
        requireContentType(contentType);
        return HttpResponse.created(alerts.importCap(xml, Caller.of(authentication)));
    }

    /** The dry run: every problem of a CAP message, nothing stored. */
    @Post(value = "/cap/validate", consumes = {CAP_XML, MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    AlertViews.CapCheck validateCap(@Body byte[] xml, @Header("Content-Type") @Nullable String contentType,
                                    Authentication authentication) {
        requireContentType(contentType);
        return alerts.validateCap(xml, Caller.of(authentication));
    }

    /** A body without a Content-Type would otherwise be read as CAP whatever it is. */
    private static void requireContentType(@Nullable String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Send the CAP message as application/cap+xml, application/xml or text/xml.",
                    List.of(new Problem.FieldError("Content-Type", "is required")));
        }
    }

    @Get("/templates")
    List<AlertTemplates.Template> templates(Authentication authentication) {
        return alerts.templates(Caller.of(authentication));
    }

    @Post("/from-template")
    HttpResponse<AlertViews.Alert> fromTemplate(@Body @Valid AlertViews.FromTemplate request, Authentication authentication) {
        return HttpResponse.created(alerts.fromTemplate(request, Caller.of(authentication)));
    }

    @Get
    List<AlertViews.Alert> list(Authentication authentication) {
        return alerts.list(Caller.of(authentication));
    }

    @Get("/{id}")
    AlertViews.Alert get(@PathVariable long id, Authentication authentication) {
        return alerts.get(id, Caller.of(authentication));
    }

    @Put("/{id}")
    AlertViews.Alert edit(@PathVariable long id, @Body @Valid AlertViews.AlertRequest request, Authentication authentication) {
        return alerts.edit(id, request, Caller.of(authentication));
    }

    @Post("/{id}/submit")
    AlertViews.Alert submit(@PathVariable long id, Authentication authentication) {
        return alerts.submit(id, Caller.of(authentication));
    }

    @Post("/{id}/approve")
    AlertViews.Alert approve(@PathVariable long id, Authentication authentication) {
        return alerts.approve(id, Caller.of(authentication));
    }

    @Post("/{id}/reject")
    AlertViews.Alert reject(@PathVariable long id, @Body @Valid @Nullable AlertViews.Transition transition,
                            Authentication authentication) {
        return alerts.reject(id, transition == null ? null : transition.note(), Caller.of(authentication));
    }

    @Post("/{id}/publish-immediately")
    AlertViews.Alert publishImmediately(@PathVariable long id, Authentication authentication) {
        return alerts.publishImmediately(id, Caller.of(authentication));
    }

    /** A second person's look at a message that one person published alone. */
    @Post("/{id}/review")
    AlertViews.Alert review(@PathVariable long id, @Body @Valid @Nullable AlertViews.Transition transition,
                            Authentication authentication) {
        return alerts.review(id, transition == null ? null : transition.note(), Caller.of(authentication));
    }

    @Post("/{id}/update")
    HttpResponse<AlertViews.Alert> update(@PathVariable long id, @Body @Valid AlertViews.AlertRequest request,
                                          Authentication authentication) {
        return HttpResponse.created(alerts.update(id, request, Caller.of(authentication)));
    }

    @Post("/{id}/cancel")
    HttpResponse<AlertViews.Alert> cancel(@PathVariable long id, @Body @Valid @Nullable AlertViews.AlertRequest request,
                                          Authentication authentication) {
        return HttpResponse.created(alerts.cancel(id, request, Caller.of(authentication)));
    }

    @Get("/{id}/history")
    List<AuditEntry> history(@PathVariable long id, Authentication authentication) {
        return alerts.history(id, Caller.of(authentication));
    }
}
