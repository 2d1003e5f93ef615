package nl.paraat.push;

import java.util.Map;
import java.util.Set;

/**
 * What the push service answered, token by token, to a topic subscription change. Tokens it did not
 * name among the failures were subscribed or unsubscribed.
 *
 * @param failures token to the push service's reason, such as {@code registration-token-not-registered}
 */
public record TopicResult(Map<String, String> failures) {

    /** The Firebase Admin SDK's names of the Instance ID service's per-token errors. */
    static final String NOT_REGISTERED = "registration-token-not-registered";
    private static final Set<String> TEMPORARY = Set.of("internal-error", "unknown-error");

    /** What to do with one token's change. */
    enum Outcome {
        APPLIED,
        /** The push service does not know the token: it has no subscriptions, and will never take one. */
        DEAD_TOKEN,
        /** Worth another attempt later. */
        TEMPORARY,
        /** Refused for good, for example a malformed token or one in too many topics. */
        REFUSED
    }

    public TopicResult {
        failures = Map.copyOf(failures);
    }

    static TopicResult allApplied() {
        return new TopicResult(Map.of());
    }

    Outcome outcome(String token) {
        String reason = failures.get(token);
        if (reason == null) {
            return Outcome.APPLIED;
        }
        return NOT_REGISTERED.equals(reason) ? Outcome.DEAD_TOKEN
                : TEMPORARY.contains(reason) ? Outcome.TEMPORARY : Outcome.REFUSED;
    }
}
