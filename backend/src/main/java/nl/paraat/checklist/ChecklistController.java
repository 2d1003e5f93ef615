package nl.paraat.checklist;

import io.micronaut.core.annotation.NonBlocking;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import nl.paraat.common.Representation;
import nl.paraat.common.StoresNothing;

/** Checklist templates and the kit calculator; both are computed from content in memory, on the event loop. */
@Controller("/api/v1")
@Secured(SecurityRule.IS_ANONYMOUS)
@NonBlocking
class ChecklistController {

    private final ChecklistService checklists;
    private final JsonMapper json;

    ChecklistController(ChecklistService checklists, JsonMapper json) {
        this.checklists = checklists;
        this.json = json;
    }

    @Get("/checklists/{id}")
    MutableHttpResponse<?> checklist(HttpRequest<?> request, @PathVariable String id,
                                     @QueryValue @Nullable String locale, @QueryValue @Nullable String region,
                                     @Header(HttpHeaders.ACCEPT_LANGUAGE) @Nullable String acceptLanguage) {
        Representation representation = Representation.json(json,
                checklists.template(id, checklists.locale(locale, acceptLanguage), region));
        return representation.respond(request, checklists.maxAge(), HttpHeaders.ACCEPT_LANGUAGE);
    }

    @Post("/kit/calculate")
    @StoresNothing
    KitViews.Kit calculate(@Body @Valid KitViews.Household household,
                           @QueryValue @Nullable String locale, @QueryValue @Nullable String region,
                           @Header(HttpHeaders.ACCEPT_LANGUAGE) @Nullable String acceptLanguage) {
        return checklists.calculate(household, checklists.locale(locale, acceptLanguage), region);
    }
}
