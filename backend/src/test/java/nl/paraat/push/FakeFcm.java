package nl.paraat.push;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for FCM's HTTP v1 send endpoint, checking requests as FCM would: one target,
 * a payload of at most 4 KB, a well-formed token. Tokens starting with {@code dead-} are unknown
 * (UNREGISTERED); {@link #throttleNext(int)} answers 429 with Retry-After.
 */
final class FakeFcm implements AutoCloseable {

    private final HttpServer server;
    private final JsonMapper json;
    private final List<JsonNode> received = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private final AtomicInteger throttle = new AtomicInteger();
    private volatile boolean refuseCredentials;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<String, Set<String>> subscriptions = new ConcurrentHashMap<>();

    FakeFcm(JsonMapper json) throws IOException {
        this.json = json;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/projects/", this::handle);
        server.createContext("/iid/", this::handleTopics);
        server.setExecutor(Executors.newFixedThreadPool(32));
        server.start();
    }

    /** A fake on a free loopback port, for a test's property provider. */
    static FakeFcm startLocal() {
        try {
            return new FakeFcm(JsonMapper.createDefault());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The settings that send through the real SDK to this fake. */
    Map<String, String> channelProperties() {
        Map<String, String> properties = new java.util.HashMap<>();
        properties.put("paraat.push.fcm-enabled", "true");
        properties.put("paraat.push.project-id", "paraat-test");
        properties.put("paraat.push.endpoint", endpoint());
        return properties;
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<JsonNode> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Topic name (without /topics/) to the tokens subscribed to it. */
    Map<String, Set<String>> subscriptions() {
        Map<String, Set<String>> copy = new TreeMap<>();
        subscriptions.forEach((topic, tokens) -> copy.put(topic, Set.copyOf(tokens)));
        return copy;
    }

    private void handleTopics(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            JsonNode body = json.readValue(exchange.getRequestBody().readAllBytes(), JsonNode.class);
            String topic = body.get("to").getStringValue().replace("/topics/", "");
            List<String> tokens = new java.util.ArrayList<>();
            body.get("registration_tokens").values().forEach(token -> tokens.add(token.getStringValue()));
            Set<String> subscribed = subscriptions.computeIfAbsent(topic, t -> ConcurrentHashMap.newKeySet());
            if (path.endsWith(":batchAdd")) {
                subscribed.addAll(tokens);
            } else if (path.endsWith(":batchRemove")) {
                tokens.forEach(subscribed::remove);
            } else {
                respond(exchange, 404, "{}");
                return;
            }
            respond(exchange, 200, "{\"results\":[" + String.join(",", java.util.Collections.nCopies(tokens.size(), "{}")) + "]}");
        }
    }

    void refuseCredentials(boolean refuse) {
        refuseCredentials = refuse;
    }

    void throttleNext(int requests) {
        throttle.set(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!"POST".equals(exchange.getRequestMethod()) || !path.endsWith("/messages:send")) {
                respond(exchange, 404, error(404, "NOT_FOUND", null));
                return;
            }
            if (!exchange.getRequestHeaders().getFirst("Authorization").startsWith("Bearer ")) {
                respond(exchange, 401, error(401, "UNAUTHENTICATED", "THIRD_PARTY_AUTH_ERROR"));
                return;
            }
            if (refuseCredentials) {
                // A service account without permission to send for the project.
                respond(exchange, 403, error(403, "PERMISSION_DENIED", null));
                return;
            }
            if (throttle.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                exchange.getResponseHeaders().add("Retry-After", "1");
                respond(exchange, 429, error(429, "RESOURCE_EXHAUSTED", "QUOTA_EXCEEDED"));
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            JsonNode message = json.readValue(body, JsonNode.class).get("message");
            int targets = (message.get("token") != null ? 1 : 0) + (message.get("topic") != null ? 1 : 0)
                    + (message.get("condition") != null ? 1 : 0);
            String payload = String.valueOf(message.get("data")) + message.get("notification");
            if (targets != 1 || payload.getBytes(StandardCharsets.UTF_8).length > 4096) {
                respond(exchange, 400, error(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT"));
                return;
            }
            String token = message.get("token") != null ? message.get("token").getStringValue() : "";
            if (message.get("topic") != null && !message.get("topic").getStringValue().matches("[a-zA-Z0-9-_.~%]+")) {
                respond(exchange, 400, error(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT"));
                return;
            }
            if (token.startsWith("dead-")) {
                respond(exchange, 404, error(404, "NOT_FOUND", "UNREGISTERED"));
                return;
            }
            received.add(message);
            respond(exchange, 200, "{\"name\":\"projects/paraat-test/messages/" + ids.incrementAndGet() + "\"}");
        }
    }

    private static String error(int code, String status, String fcmCode) {
        String details = fcmCode == null ? "" : ",\"details\":[{\"@type\":\"type.googleapis.com/google.firebase.fcm.v1.FcmError\","
                + "\"errorCode\":\"" + fcmCode + "\"}]";
        return "{\"error\":{\"code\":" + code + ",\"message\":\"" + status + "\",\"status\":\"" + status + "\"" + details + "}}";
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
