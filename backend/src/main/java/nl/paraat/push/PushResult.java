package nl.paraat.push;

import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/**
 * What happened to one message.
 *
 * @param error       the push service's error code, such as UNREGISTERED, when it failed
 * @param tokenIsDead the token will never work again and should be retired
 * @param retryable   a temporary failure (throttling, unavailability) worth retrying later
 * @param retryAfter  how long the push service asked to wait, when it said so
 */
public record PushResult(String token, boolean sent, @Nullable String error, boolean tokenIsDead, boolean retryable,
                         @Nullable Duration retryAfter) {

    /** The push service refused our credentials: retrying only burns the quota until an operator acts. */
    static final java.util.Set<String> AUTHENTICATION_ERRORS = java.util.Set.of("UNAUTHENTICATED", "PERMISSION_DENIED",
            "THIRD_PARTY_AUTH_ERROR");

    boolean authenticationFailed() {
        return !sent && error != null && AUTHENTICATION_ERRORS.contains(error);
    }

    static PushResult delivered(String token) {
        return new PushResult(token, true, null, false, false, null);
    }
}
