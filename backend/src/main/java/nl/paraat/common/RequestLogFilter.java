package nl.paraat.common;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One log line per request with its latency; query strings are left out because they may carry locations. */
@ServerFilter(value = "/**", patternStyle = FilterPatternStyle.ANT)
final class RequestLogFilter {

    private static final Logger LOG = LoggerFactory.getLogger("nl.paraat.request");
    private static final String STARTED_AT = RequestLogFilter.class.getName() + ".startedAt";

    @RequestFilter
    void start(HttpRequest<?> request) {
        request.setAttribute(STARTED_AT, System.nanoTime());
    }

    @ResponseFilter
    void log(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Long startedAt = request.getAttribute(STARTED_AT, Long.class).orElse(null);
        if (startedAt == null || !LOG.isInfoEnabled()) {
            return;
        }
        long micros = (System.nanoTime() - startedAt) / 1_000;
        // Whole and tenth milliseconds by integer arithmetic: String.format costs more than the request itself.
        LOG.info("{} {} {} {}.{}ms", request.getMethodName(), request.getPath(), response.code(), micros / 1000,
                (micros % 1000) / 100);
    }
}
