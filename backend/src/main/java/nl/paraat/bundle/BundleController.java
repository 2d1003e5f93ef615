package nl.paraat.bundle;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import nl.paraat.common.Representation;
import nl.paraat.common.SigningKeys;
import nl.paraat.content.ContentService;

/** The offline bundle; built at most every few seconds, so nearly every request is answered from memory. */
@Controller("/api/v1/bundle")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class BundleController {

    private final BundleService bundles;
    private final ContentService content;
    private final BundleConfiguration configuration;

    BundleController(BundleService bundles, ContentService content, BundleConfiguration configuration) {
        this.bundles = bundles;
        this.content = content;
        this.configuration = configuration;
    }

    @Get
    MutableHttpResponse<?> bundle(@QueryValue @Nullable String region, @QueryValue @Nullable String locale,
                                  @QueryValue @Nullable String since,
                                  @Header(HttpHeaders.ACCEPT_LANGUAGE) @Nullable String acceptLanguage,
                                  @Header(HttpHeaders.ACCEPT_ENCODING) @Nullable String acceptEncoding,
                                  @Header(HttpHeaders.IF_NONE_MATCH) @Nullable String ifNoneMatch) {
        BundleResponse response = bundles.bundle(region, content.locale(locale, acceptLanguage), since);
        if (Representation.matches(ifNoneMatch, response.etag())) {
            return headers(HttpResponse.status(HttpStatus.NOT_MODIFIED), response.etag());
        }
        boolean gzip = acceptEncoding != null && acceptEncoding.toLowerCase(java.util.Locale.ROOT).contains("gzip");
        MutableHttpResponse<byte[]> ok = HttpResponse.ok(gzip ? response.gzip() : response.json())
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(SigningKeys.SIGNATURE_HEADER, response.signature());
        if (gzip) {
            ok.header(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        return headers(ok, response.etag());
    }

    private MutableHttpResponse<?> headers(MutableHttpResponse<?> response, String etag) {
        return response.header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=" + configuration.maxAge().toSeconds())
                .header(HttpHeaders.VARY, "Accept-Encoding, Accept-Language");
    }
}
