package nl.paraat.region;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import nl.paraat.common.ProblemException;



@Controller("/api/v1/regions")
@Secured(SecurityRule.IS_ANONYMOUS)
class RegionController {

    static final String DATASET = "CBS/Kadaster gegeneraliseerde grenzen 2025";

    private final RegionService regions;
    private final RegionsResponse overview;

    RegionController(RegionService regions) {
        this.regions = regions;
        this.overview = new RegionsResponse(DATASET, regions.safetyRegions().stream()
                .map(region -> new SafetyRegionView(region.code(), region.name(), region.municipalities().stream()
                        .map(m -> new AreaRef(m.code(), m.name())).toList()))
                .toList());
    }

    @Get
    HttpResponse<RegionsResponse> list() {
        return HttpResponse.ok(overview).header("Cache-Control", "public, max-age=86400");
    }

    @Get("/lookup")
    Location lookup(@QueryValue @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
                    @QueryValue @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon) {
        return regions.locate(lat, lon).orElseThrow(() ->
                ProblemException.notFound("No Dutch municipality contains the point " + lat + ", " + lon + "."));
    }

}
