package nl.paraat.point;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;
import java.util.List;

/** What residents ask of resilience points; answered from the in-memory index. */
@Controller("/api/v1/points")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class PointController {

    private static final Duration MAX_AGE = Duration.ofSeconds(60);

    private final PointService points;

    PointController(PointService points) {
        this.points = points;
    }

    @Get("/nearest")
    PointViews.Nearest nearest(@QueryValue @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
                               @QueryValue @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
                               @QueryValue(defaultValue = "10") int limit,
                               @QueryValue @Nullable List<String> facility,
                               @QueryValue @Nullable List<String> status,
                               @QueryValue @Nullable Double maxDistanceKm) {
        return points.nearest(lat, lon, limit, facility == null ? List.of() : facility,
                status == null ? List.of() : status, maxDistanceKm);
    }

    @Get("/{id}")
    Point point(@PathVariable long id) {
        return points.publicPoint(id);
    }

    /** For maps and offline use: every public point of a municipality or safety region as GeoJSON. */
    @Get
    MutableHttpResponse<?> region(HttpRequest<?> request, @QueryValue @Nullable String region) {
        return points.featureCollection(region).respond(request, MAX_AGE);
    }
}
