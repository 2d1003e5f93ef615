package nl.paraat.push;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A local stand-in for FCM's HTTP v1 send endpoint and the topic-management endpoints, on Netty so
 * that it costs the machine little next to the sender. It checks requests as FCM would: a bearer
 * token, exactly one target, a well-formed token or topic, a payload of at most 4 KB. Tokens starting
 * with {@code dead-} are unknown (UNREGISTERED); it can be told to throttle (429 with Retry-After),
 * to be unavailable (503), to refuse the credentials (403) or to answer too late. Topic management
 * is {@link FakeFcmTopics}.
 */
public final class FakeFcm implements AutoCloseable {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_:.\\-]{1,4096}");
    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9-_.~%]+");

    private final JsonMapper json;
    private final EventLoopGroup loops = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final Channel server;
    private final List<JsonNode> received = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong accepted = new AtomicLong();
    private volatile Instant firstAccepted;
    private volatile Instant lastAccepted;
    private final AtomicInteger throttle = new AtomicInteger();
    private final AtomicInteger unavailable = new AtomicInteger();
    private volatile long delayMillis;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private volatile boolean refuseCredentials;
    private volatile boolean down;
    private volatile boolean rejectToken;
    private volatile double unavailableShare;
    private volatile double throttledShare;
    private final AtomicLong requests = new AtomicLong();
    private final List<String> attempted = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private volatile boolean recording = true;
    private final Map<String, AtomicInteger> acceptedByToken = new java.util.concurrent.ConcurrentHashMap<>();
    private final FakeFcmTopics topics = new FakeFcmTopics();

    private FakeFcm(JsonMapper json) throws InterruptedException {
        this.json = json;
        this.server = new ServerBootstrap().group(loops)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20), new Handler());
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    }

    /** A fake on a free loopback port. */
    public static FakeFcm startLocal() {
        try {
            return new FakeFcm(JsonMapper.createDefault());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The settings that send through the real SDK to this fake. */
    public Map<String, String> channelProperties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("paraat.push.fcm-enabled", "true");
        properties.put("paraat.push.project-id", "paraat-test");
        properties.put("paraat.push.endpoint", endpoint());
        return properties;
    }

    String endpoint() {
        return "http://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** The messages accepted so far, in the order they arrived (while recording). */
    public List<JsonNode> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** How many messages were accepted, recorded or not. */
    long accepted() {
        return accepted.get();
    }

    /** When the first and the last message since the last call of this method were accepted; resets both. */
    Instant[] acceptedBetween() {
        Instant[] between = {firstAccepted, lastAccepted};
        firstAccepted = null;
        lastAccepted = null;
        return between;
    }

    /** How many messages each token was sent and accepted, recorded or not, since the last {@link #forgetCounts()}. */
    Map<String, Integer> acceptedPerToken() {
        Map<String, Integer> counts = new HashMap<>();
        acceptedByToken.forEach((token, count) -> counts.put(token, count.get()));
        return counts;
    }

    void forgetCounts() {
        acceptedByToken.clear();
    }

    /** Whether to keep each accepted message; a benchmark of hundreds of thousands only counts them. */
    void recording(boolean keep) {
        recording = keep;
    }

    /** Topic subscriptions: who is subscribed to what, the requests that changed it, and outages. */
    FakeFcmTopics topics() {
        return topics;
    }

    void refuseCredentials(boolean refuse) {
        refuseCredentials = refuse;
    }

    void throttleNext(int requests) {
        throttle.set(requests);
    }

    /**
     * Fails a share of all requests at random, as FCM does under load: 503 (half of them as a bare
     * error page without FCM's error detail) and 429 with Retry-After.
     */
    void faults(double unavailable, double throttled) {
        unavailableShare = unavailable;
        throttledShare = throttled;
    }

    /** Answers 401 to every send, as FCM does to an access token that is not (or no longer) valid. */
    void rejectToken(boolean reject) {
        rejectToken = reject;
    }

    /** Unreachable: every connection is dropped without an answer. */
    void down(boolean unreachable) {
        down = unreachable;
    }

    /** The token of every send request that arrived, in order, accepted or refused. */
    List<String> attemptedTokens() {
        synchronized (attempted) {
            return List.copyOf(attempted);
        }
    }

    /** Every send request that arrived, answered or not. */
    long requests() {
        return requests.get();
    }

    void unavailableNext(int requests) {
        unavailable.set(requests);
    }

    /** Waits until this many messages were accepted, for at most 20 seconds; how many were accepted then. */
    long awaitAccepted(long count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (accepted.get() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
        }
        return accepted.get();
    }

    /** The most requests that had arrived and were not yet answered at one moment. */
    int mostInFlight() {
        return mostInFlight.get();
    }

    /** Answers every request this much later, to make a client's read timeout run out. */
    void delayAnswers(long millis) {
        delayMillis = millis;
    }

    private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {

        @Override
        protected void channelRead0(ChannelHandlerContext context, FullHttpRequest request) {
            if (request.uri().endsWith("/messages:send")) {
                requests.incrementAndGet();
            }
            if (down) {
                context.close();
                return;
            }
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            FullHttpResponse response = answer(request);
            HttpUtil.setKeepAlive(response, HttpUtil.isKeepAlive(request));
            if (delayMillis > 0) {
                context.executor().schedule(() -> {
                    inFlight.decrementAndGet();
                    context.writeAndFlush(response);
                }, delayMillis, TimeUnit.MILLISECONDS);
            } else {
                inFlight.decrementAndGet();
                context.writeAndFlush(response);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            context.close();
        }
    }

    private FullHttpResponse answer(FullHttpRequest request) {
        String path = request.uri();
        byte[] body = ByteBufUtil.getBytes(request.content());
        try {
            if (path.startsWith("/iid/")) {
                return topics(path, body);
            }
            if (request.method() != HttpMethod.POST || !path.startsWith("/v1/projects/") || !path.endsWith("/messages:send")) {
                return response(404, error(404, "NOT_FOUND", null));
            }
            return send(request, body);
        } catch (IOException | RuntimeException malformed) {
            return response(400, error(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT"));
        }
    }

    private FullHttpResponse send(FullHttpRequest request, byte[] body) throws IOException {
        JsonNode sent = json.readValue(body, JsonNode.class).get("message");
        if (recording && sent != null && sent.get("token") != null) {
            attempted.add(sent.get("token").getStringValue());
        }
        String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return response(401, error(401, "UNAUTHENTICATED", "THIRD_PARTY_AUTH_ERROR"));
        }
        if (rejectToken) {
            return response(401, error(401, "UNAUTHENTICATED", null));
        }
        if (refuseCredentials) {
            // A service account without permission to send for the project.
            return response(403, error(403, "PERMISSION_DENIED", null));
        }
        if (throttle.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            FullHttpResponse throttled = response(429, error(429, "RESOURCE_EXHAUSTED", "QUOTA_EXCEEDED"));
            throttled.headers().set(HttpHeaderNames.RETRY_AFTER, "1");
            return throttled;
        }
        if (unavailable.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            return response(503, error(503, "UNAVAILABLE", "UNAVAILABLE"));
        }
        double dice = java.util.concurrent.ThreadLocalRandom.current().nextDouble();
        if (dice < unavailableShare) {
            return dice < unavailableShare / 2 ? response(503, error(503, "UNAVAILABLE", "UNAVAILABLE"))
                    : bare(503, "<html><body>Service Unavailable</body></html>");
        }
        if (dice < unavailableShare + throttledShare) {
            FullHttpResponse throttled = response(429, error(429, "RESOURCE_EXHAUSTED", "QUOTA_EXCEEDED"));
            throttled.headers().set(HttpHeaderNames.RETRY_AFTER, "1");
            return throttled;
        }
        JsonNode message = json.readValue(body, JsonNode.class).get("message");
        JsonNode token = message.get("token");
        JsonNode topic = message.get("topic");
        int targets = (token != null ? 1 : 0) + (topic != null ? 1 : 0) + (message.get("condition") != null ? 1 : 0);
        String payload = String.valueOf(message.get("data")) + message.get("notification");
        if (targets != 1 || payload.getBytes(StandardCharsets.UTF_8).length > 4096
                || token != null && !TOKEN.matcher(token.getStringValue()).matches()
                || topic != null && !TOPIC.matcher(topic.getStringValue()).matches()) {
            return response(400, error(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT"));
        }
        if (token != null && token.getStringValue().startsWith("dead-")) {
            return response(404, error(404, "NOT_FOUND", "UNREGISTERED"));
        }
        long id = accepted.incrementAndGet();
        lastAccepted = Instant.now();
        if (firstAccepted == null) {
            firstAccepted = lastAccepted;
        }
        if (token != null) {
            acceptedByToken.computeIfAbsent(token.getStringValue(), counted -> new AtomicInteger()).incrementAndGet();
        }
        if (recording) {
            received.add(message);
        }
        return response(200, "{\"name\":\"projects/paraat-test/messages/" + id + "\"}");
    }

    private FullHttpResponse topics(String path, byte[] body) throws IOException {
        FakeFcmTopics.Answer answer = topics.answer(path, json.readValue(body, JsonNode.class));
        return response(answer.status(), answer.body());
    }

    private static String error(int code, String status, String fcmCode) {
        String details = fcmCode == null ? "" : ",\"details\":[{\"@type\":\"type.googleapis.com/google.firebase.fcm.v1.FcmError\","
                + "\"errorCode\":\"" + fcmCode + "\"}]";
        return "{\"error\":{\"code\":" + code + ",\"message\":\"" + status + "\",\"status\":\"" + status + "\"" + details + "}}";
    }

    /** An answer of a proxy or front end in front of FCM: no JSON, no error detail. */
    private static FullHttpResponse bare(int status, String html) {
        FullHttpResponse response = response(status, html);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8");
        return response;
    }

    private static FullHttpResponse response(int status, String body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
                Unpooled.wrappedBuffer(body.getBytes(StandardCharsets.UTF_8)));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=UTF-8");
        HttpUtil.setContentLength(response, response.content().readableBytes());
        return response;
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
