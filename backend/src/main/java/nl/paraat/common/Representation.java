package nl.paraat.common;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A serialised JSON response with its strong entity tag (a digest of the bytes), so that apps can
 * revalidate with {@code If-None-Match} and get a bodiless 304 when nothing changed.
 */
public record Representation(byte[] body, String etag) {

    public static Representation of(byte[] body) {
        return new Representation(body, "\"" + Digest.of(body) + "\"");
    }

    /** The view as JSON with its entity tag. */
    public static Representation json(JsonMapper json, Object view) {
        try {
            return of(json.writeValueAsBytes(view));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 304 when the request already holds this version, otherwise 200 with the body. */
    public MutableHttpResponse<?> respond(HttpRequest<?> request, Duration maxAge, String... vary) {
        MutableHttpResponse<?> response = matches(request.getHeaders().get("If-None-Match"))
                ? HttpResponse.status(HttpStatus.NOT_MODIFIED)
                : HttpResponse.ok(body).contentType(MediaType.APPLICATION_JSON_TYPE);
        response.header("ETag", etag).header("Cache-Control", "public, max-age=" + maxAge.toSeconds());
        if (vary.length > 0) {
            response.header("Vary", String.join(", ", vary));
        }
        return response;
    }

    private boolean matches(String ifNoneMatch) {
        return matches(ifNoneMatch, etag);
    }

    /** Whether an {@code If-None-Match} header already holds the version with this entity tag. */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return etag + " " + new String(body, 0, Math.min(body.length, 80), StandardCharsets.UTF_8);
    }
}
