package nl.paraat.push;

import io.micronaut.json.tree.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fake FCM's topic management, as the Instance ID service answers {@code iid/v1:batchAdd} and
 * {@code iid/v1:batchRemove}: per-token results, {@code NOT_FOUND} for tokens starting with
 * {@code dead-}, and 503 for every request while it is told to be unavailable.
 */
final class FakeFcmTopics {

    /** One batchAdd (subscribe) or batchRemove request that the fake applied. */
    record Request(boolean subscribe, String topic, List<String> tokens) {
    }

    /** The HTTP status and JSON body of an answer. */
    record Answer(int status, String body) {
    }

    private final Map<String, Set<String>> subscriptions = new ConcurrentHashMap<>();
    private final List<Request> applied = Collections.synchronizedList(new ArrayList<>());
    private final List<Request> refused = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean unavailable;

    Answer answer(String path, JsonNode request) {
        boolean subscribe = path.endsWith(":batchAdd");
        if (!subscribe && !path.endsWith(":batchRemove")) {
            return new Answer(404, "{}");
        }
        String topic = request.get("to").getStringValue().replace("/topics/", "");
        List<String> tokens = new ArrayList<>();
        request.get("registration_tokens").values().forEach(token -> tokens.add(token.getStringValue()));
        if (unavailable) {
            refused.add(new Request(subscribe, topic, List.copyOf(tokens)));
            return new Answer(503, "{\"error\":\"UNAVAILABLE\"}");
        }
        Set<String> subscribed = subscriptions.computeIfAbsent(topic, t -> ConcurrentHashMap.newKeySet());
        List<String> results = new ArrayList<>();
        for (String token : tokens) {
            if (token.startsWith("dead-")) {
                results.add("{\"error\":\"NOT_FOUND\"}");
            } else {
                results.add("{}");
                if (subscribe) {
                    subscribed.add(token);
                } else {
                    subscribed.remove(token);
                }
            }
        }
        applied.add(new Request(subscribe, topic, List.copyOf(tokens)));
        return new Answer(200, "{\"results\":[" + String.join(",", results) + "]}");
    }

    /** While unavailable, every topic-management request gets a 503 and changes nothing. */
    void unavailable(boolean down) {
        unavailable = down;
    }

    /** How many requests naming the token were answered with a 503 (the SDK's own retries included). */
    long refusedNaming(String token) {
        synchronized (refused) {
            return refused.stream().filter(request -> request.tokens().contains(token)).count();
        }
    }

    /** The requests answered with 200, in the order they arrived. */
    List<Request> applied() {
        synchronized (applied) {
            return List.copyOf(applied);
        }
    }

    /** Topic name (without /topics/) to the tokens subscribed to it. */
    Map<String, Set<String>> subscriptions() {
        Map<String, Set<String>> copy = new TreeMap<>();
        subscriptions.forEach((topic, tokens) -> copy.put(topic, Set.copyOf(tokens)));
        return copy;
    }

    /** Each of these tokens to the topics it is subscribed to (an empty set when none). */
    Map<String, Set<String>> topicsOf(Collection<String> tokens) {
        Map<String, Set<String>> byToken = new TreeMap<>();
        tokens.forEach(token -> byToken.put(token, new TreeSet<>()));
        subscriptions.forEach((topic, subscribed) -> subscribed.stream().filter(byToken::containsKey)
                .forEach(token -> byToken.get(token).add(topic)));
        return byToken;
    }

    /** Waits, for at most the given time, until these tokens are subscribed to exactly these topics; what they are then. */
    Map<String, Set<String>> awaitTopicsOf(Map<String, Set<String>> expected, Duration atMost) throws InterruptedException {
        Instant deadline = Instant.now().plus(atMost);
        Map<String, Set<String>> seen = topicsOf(expected.keySet());
        while (!seen.equals(expected) && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
            seen = topicsOf(expected.keySet());
        }
        return seen;
    }
}
