package nl.paraat.checklist;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;

/** A device's checklist progress, anonymous like the device itself: the device's secret is the only credential. */
@Controller("/api/v1/devices/{id}/progress")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class ProgressController {

    static final String SECRET_HEADER = "X-Device-Secret";

    private final ProgressService progress;

    ProgressController(ProgressService progress) {
        this.progress = progress;
    }

    @Put
    ProgressViews.Stored replace(@PathVariable String id, @Header(SECRET_HEADER) @Nullable String secret,
                                 @Body @Valid ProgressViews.Report report) {
        return progress.replace(id, secret, report);
    }

    @Get
    ProgressViews.Stored get(@PathVariable String id, @Header(SECRET_HEADER) @Nullable String secret) {
        return progress.get(id, secret);
    }
}
