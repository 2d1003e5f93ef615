package nl.paraat.common;

import io.micronaut.http.HttpStatus;

/** Problem type identifiers; stable so that apps can branch on them. */
public final class ProblemTypes {

    private static final String PREFIX = "urn:paraat:problem:";

    private ProblemTypes() {
    }

    public static String of(String slug) {
        return PREFIX + slug;
    }

    static String forStatus(HttpStatus status, boolean hasFieldErrors) {
        return of(switch (status) {
            case BAD_REQUEST -> hasFieldErrors ? "validation" : "bad-request";
            case UNAUTHORIZED -> "unauthorized";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case NOT_ACCEPTABLE -> "not-acceptable";
            case CONFLICT -> "conflict";
            case REQUEST_ENTITY_TOO_LARGE -> "payload-too-large";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case TOO_MANY_REQUESTS -> "rate-limited";
            default -> "http-" + status.getCode();
        });
    }
}
