package nl.paraat.point;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import nl.paraat.auth.Caller;
import nl.paraat.common.Problem;

import java.util.List;

/** Municipalities and safety regions manage the points in their area; needs the role {@code point-manager}. */
@Controller("/api/v1/admin/points")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class PointAdminController {

    private final PointService points;

    PointAdminController(PointService points) {
        this.points = points;
    }

    @Post
    HttpResponse<Point> create(@Body @Valid PointRequest request, Authentication authentication) {
        return HttpResponse.created(points.create(request, Caller.of(authentication)));
    }

    @Get("/{id}")
    Point get(@PathVariable long id, Authentication authentication) {
        return points.managed(id, Caller.of(authentication));
    }

    @Put("/{id}")
    Point replace(@PathVariable long id, @Body @Valid PointRequest request, Authentication authentication) {
        return points.replace(id, request, Caller.of(authentication));
    }

    @Patch("/{id}")
    Point patch(@PathVariable long id, @Body @Valid PointPatch patch, Authentication authentication) {
        return points.patch(id, patch, Caller.of(authentication));
    }

    @Delete("/{id}")
    HttpResponse<Void> delete(@PathVariable long id, Authentication authentication) {
        points.delete(id, Caller.of(authentication));
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }

    @Get("/{id}/history")
    List<PointViews.StatusChange> history(@PathVariable long id, Authentication authentication) {
        return points.history(id, Caller.of(authentication));
    }

    /** All rows or none: 200 with counts, or a 422 problem listing every bad row, with nothing written. */
    @Post(value = "/import", consumes = {"text/csv", "application/geo+json", MediaType.APPLICATION_JSON})
    HttpResponse<?> importFile(@Body byte[] body, @Header(HttpHeaders.CONTENT_TYPE) String contentType,
                               Authentication authentication) {
        PointViews.ImportReport report = points.importFile(body, contentType, Caller.of(authentication));
        if (report.errors().isEmpty()) {
            return HttpResponse.ok(report);
        }
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).contentType(Problem.MEDIA_TYPE)
                .body(PointViews.ImportRejected.of(report));
    }

    @Post("/activate")
    PointViews.ActivationResult activate(@Body @Valid PointViews.ActivationRequest request, Authentication authentication) {
        return points.activate(request, Caller.of(authentication));
    }
}
