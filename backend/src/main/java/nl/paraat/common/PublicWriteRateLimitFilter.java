package nl.paraat.common;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.web.router.RouteAttributes;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * Anonymous residents can write (register a device, report progress) without an account, so each
 * client address gets a per-minute budget for writes to public endpoints. Authority endpoints under
 * {@code /api/v1/admin} are authenticated and not limited here.
 */
@ServerFilter(value = "/api/**", patternStyle = FilterPatternStyle.ANT)
final class PublicWriteRateLimitFilter implements Ordered {

    private final FixedWindowCounter counter;
    private final ErrorResponseProcessor<?> problems;

    PublicWriteRateLimitFilter(RateLimitConfiguration configuration, ErrorResponseProcessor<?> problems) {
        this.counter = new FixedWindowCounter(configuration.publicWritesPerMinute(), 60_000);
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        // Before security, so that a flood is refused without touching the database.
        return ServerFilterPhase.FIRST.order();
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> limit(HttpRequest<?> request) {
        if (request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD
                || request.getMethod() == HttpMethod.OPTIONS || request.getPath().startsWith("/api/v1/admin/")
                || storesNothing(request)) {
            return null;
        }
        long retryAfterSeconds = counter.tryAcquire(clientKey(request), System.currentTimeMillis());
        if (retryAfterSeconds == 0) {
            return null;
        }
        ErrorContext context = ErrorContext.builder(request)
                .cause(new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                        "Too many requests from this address. Try again in " + retryAfterSeconds + " seconds.", List.of()))
                .build();
        return problems.processResponse(context, HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", Long.toString(retryAfterSeconds)));
    }

    private static boolean storesNothing(HttpRequest<?> request) {
        return RouteAttributes.getRouteMatch(request)
                .map(route -> route.getRouteInfo().getAnnotationMetadata().hasAnnotation(StoresNothing.class))
                .orElse(false);
    }

    private static String clientKey(HttpRequest<?> request) {
        InetSocketAddress address = request.getRemoteAddress();
        return address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
    }
}
