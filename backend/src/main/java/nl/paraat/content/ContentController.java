package nl.paraat.content;

import io.micronaut.core.annotation.NonBlocking;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import nl.paraat.common.Representation;

/** Everything is answered from memory, so requests stay on the event loop instead of hopping to a worker thread. */
@Controller("/api/v1")
@Secured(SecurityRule.IS_ANONYMOUS)
@NonBlocking
class ContentController {

    private static final String[] VARY = {HttpHeaders.ACCEPT_LANGUAGE};

    private final ContentService content;

    ContentController(ContentService content) {
        this.content = content;
    }

    @Get("/content")
    MutableHttpResponse<?> index(HttpRequest<?> request,
                                 @QueryValue @Nullable String locale,
                                 @QueryValue @Nullable String region,
                                 @QueryValue @Nullable String kind,
                                 @QueryValue @Nullable String tag,
                                 @Header(HttpHeaders.ACCEPT_LANGUAGE) @Nullable String acceptLanguage) {
        return respond(request, content.index(content.locale(locale, acceptLanguage), region, kind, tag));
    }

    @Get("/content/{id}")
    MutableHttpResponse<?> page(HttpRequest<?> request,
                                @PathVariable String id,
                                @QueryValue @Nullable String locale,
                                @QueryValue @Nullable String region,
                                @Header(HttpHeaders.ACCEPT_LANGUAGE) @Nullable String acceptLanguage) {
        return respond(request, content.page(id, content.locale(locale, acceptLanguage), region));
    }

    @Get("/risks")
    MutableHttpResponse<?> risks(HttpRequest<?> request,
                                 @QueryValue @Nullable String locale,
                                 @QueryValue @Nullable String region,
                                 @Header(HttpHeaders.ACCEPT_LANGUAGE) @Nullable String acceptLanguage) {
        return respond(request, content.risks(content.locale(locale, acceptLanguage), region));
    }

    @Get("/risks/{hazard}")
    MutableHttpResponse<?> risk(HttpRequest<?> request,
                                @PathVariable String hazard,
                                @QueryValue @Nullable String locale,
                                @QueryValue @Nullable String region,
                                @Header(HttpHeaders.ACCEPT_LANGUAGE) @Nullable String acceptLanguage) {
        return respond(request, content.risk(hazard, content.locale(locale, acceptLanguage), region));
    }

    private MutableHttpResponse<?> respond(HttpRequest<?> request, Representation representation) {
        return representation.respond(request, content.maxAge(), VARY);
    }
}
