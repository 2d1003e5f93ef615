package nl.paraat.alert;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

import nl.paraat.common.PublicUrl;
import nl.paraat.common.Representation;
import nl.paraat.common.SigningKeys;

import java.time.Duration;

/** Active alerts for residents; apps poll with If-None-Match as a fallback to push. */
@Controller("/api/v1/alerts")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class AlertController {

    private static final Duration MAX_AGE = Duration.ofSeconds(30);

    private final ResidentAlerts alerts;
    private final SigningKeys signing;
    private final JsonMapper json;
    private final PublicUrl publicUrl;

    AlertController(ResidentAlerts alerts, SigningKeys signing, JsonMapper json, PublicUrl publicUrl) {
        this.alerts = alerts;
        this.signing = signing;
        this.json = json;
        this.publicUrl = publicUrl;
    }

    @Get
    MutableHttpResponse<?> active(HttpRequest<?> request,
                                  @QueryValue @Nullable String area,
                                  @QueryValue @Nullable @DecimalMin("-90") @DecimalMax("90") Double lat,
                                  @QueryValue @Nullable @DecimalMin("-180") @DecimalMax("180") Double lon,
                                  @QueryValue @Nullable String locale,
                                  @QueryValue(defaultValue = "false") boolean includeTests,
                                  @Header(HttpHeaders.ACCEPT_LANGUAGE) @Nullable String acceptLanguage) {
        return signed(request, alerts.active(area, lat, lon, locale, acceptLanguage, includeTests));
    }

    /** Active alerts of an area as Atom, each entry linking to its CAP message. */
    @Get(value = "/feed.atom", produces = "application/atom+xml")
    String atom(@QueryValue @Nullable String area, @QueryValue @Nullable String locale) {
        return alerts.atom(area, locale, publicUrl.publicUrl());
    }

    /** A published alert as CAP 1.2 XML, for other warning systems. */
    @Get(value = "/{id}.cap", produces = "application/cap+xml")
    String cap(@PathVariable long id) {
        return alerts.exportCap(id);
    }

    @Get("/{id}")
    MutableHttpResponse<?> alert(HttpRequest<?> request, @PathVariable long id, @QueryValue @Nullable String locale,
                                 @Header(HttpHeaders.ACCEPT_LANGUAGE) @Nullable String acceptLanguage) {
        return signed(request, Representation.json(json, alerts.publicAlert(id, locale, acceptLanguage)));
    }

    /** Alerts are signed like bundles, so that an alert passed on from phone to phone can be checked. */
    private MutableHttpResponse<?> signed(HttpRequest<?> request, Representation representation) {
        MutableHttpResponse<?> response = representation.respond(request, MAX_AGE, HttpHeaders.ACCEPT_LANGUAGE);
        return response.status() == HttpStatus.OK
                ? response.header(SigningKeys.SIGNATURE_HEADER, signing.signDetached(representation.body())) : response;
    }
}
