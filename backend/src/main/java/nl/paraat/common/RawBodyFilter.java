package nl.paraat.common;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.core.order.Ordered;

/**
 * Keeps the raw JSON of a write request so that, when it cannot be decoded, {@link BodyFieldLocator}
 * can find the offending property; the decoded body is gone by then.
 */
@ServerFilter(value = "/api/**", patternStyle = FilterPatternStyle.ANT,
        methods = {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH})
final class RawBodyFilter implements Ordered {

    static final String RAW_BODY = RawBodyFilter.class.getName() + ".body";

    @Override
    public int getOrder() {
        // On the event loop, before security hands the request to another thread: the body is read where it arrives.
        return ServerFilterPhase.FIRST.before();
    }

    @RequestFilter
    void keep(HttpRequest<?> request, @Body @Nullable String body) {
        if (body != null) {
            request.setAttribute(RAW_BODY, body);
        }
    }
}
