package nl.paraat.push;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.Message;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import nl.paraat.auth.AuthFixtures;
import nl.paraat.auth.OrganisationKind;
import nl.paraat.auth.Role;
import nl.paraat.testing.Http;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Push throughput: 200,000 registered devices in MariaDB, one alert for the whole country, sent
 * through the real Firebase Admin SDK to the fake FCM on loopback; and, in the same run, the bare
 * SDK sending as many prebuilt messages to the same fake (the ceiling on this machine).
 * Run by bench/push.sh.
 */
public final class PushBenchmark {

    private PushBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int devices = Integer.parseInt(System.getenv().getOrDefault("PARAAT_BENCH_DEVICES", "200000"));
        String url = System.getenv().getOrDefault("PARAAT_BENCH_DB_URL", "jdbc:mysql://127.0.0.1:3306/paraat_push_bench");
        try (FakeFcm fcm = new FakeFcm(JsonMapper.createDefault())) {
            System.out.printf("-- fake FCM at %s%n", fcm.endpoint());
            double bare = bareSdk(fcm, devices);
            System.out.printf("bare Firebase Admin SDK: %,d prebuilt messages at %,.0f msgs/s%n", devices, bare);
            paraat(fcm, devices, url, bare);
        }
        System.exit(0);
    }

    private static double bareSdk(FakeFcm fcm, int count) throws Exception {
        FirebaseApp app = FirebaseApp.initializeApp(FirebaseOptions.builder()
                .setCredentials(GoogleCredentials.create(new AccessToken("bench", new Date(Long.MAX_VALUE / 2))))
                .setProjectId("paraat-bench").setHttpTransport(FcmPushChannel.redirectedTo(fcm.endpoint()))
                .setConnectTimeout(10_000).setReadTimeout(10_000).build(), "bare");
        FirebaseMessaging messaging = FirebaseMessaging.getInstance(app);
        PushMessage template = new PushMessage("x", null, "Stroomstoring", "De stroom is uitgevallen in uw gemeente.",
                Map.of("alertId", "1", "msgType", "Alert", "severity", "Severe"), "alert-1", Duration.ofHours(6), true);
        List<Message> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            messages.add(FcmPushChannel.message(new PushMessage("bare-" + i, null, template.title(), template.body(),
                    template.data(), template.collapseKey(), template.timeToLive(), true)));
        }
        for (int from = 0; from < Math.min(count, 20_000); from += 500) {
            messaging.sendEach(messages.subList(from, from + 500)); // warm-up
        }
        long started = System.nanoTime();
        for (int from = 0; from < count; from += 500) {
            messaging.sendEach(messages.subList(from, Math.min(count, from + 500)));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        app.delete();
        return count / seconds;
    }

    private static void paraat(FakeFcm fcm, int count, String url, double bare) throws Exception {
        try (Connection admin = DriverManager.getConnection(url.replace("/paraat_push_bench", "/") , "root", "");
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS paraat_push_bench");
            statement.execute("CREATE DATABASE paraat_push_bench CHARACTER SET utf8mb4");
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", url);
        properties.put("datasources.default.username", "root");
        properties.put("datasources.default.password", "");
        properties.put("paraat.push.fcm-enabled", "true");
        properties.put("paraat.push.project-id", "paraat-bench");
        properties.put("paraat.push.endpoint", fcm.endpoint());
        properties.put("paraat.push.dispatch.sends-per-second", "1000000");
        properties.put("paraat.push.poll-interval", "200ms");
        properties.put("micronaut.server.port", "-1");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
            ApplicationContext context = server.getApplicationContext();
            insertDevices(url, count);
            AuthFixtures.Member issuer = AuthFixtures.organisationWithKey(context, OrganisationKind.NATIONAL, List.of("NL"),
                    Role.ALERT_ISSUER);
            String approver = AuthFixtures.keyFor(context, issuer.organisation(), Role.ALERT_APPROVER);
            Http http = new Http(server, context.getBean(JsonMapper.class));
            String expires = Instant.now().plus(6, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
            long id = http.post("/api/v1/admin/alerts", """
                    {"hazard":"power-outage","urgency":"Immediate","severity":"Severe","certainty":"Observed",
                     "expires":"%s","area":{"codes":["NL"]},
                     "infos":{"nl":{"headline":"Landelijke stroomstoring","description":"De stroom is in heel Nederland uitgevallen."},
                              "en":{"headline":"Nationwide power cut","description":"The power is out across the Netherlands."}}}
                    """.formatted(expires), issuer.token()).json().get("id").getLongValue();
            http.post("/api/v1/admin/alerts/" + id + "/submit", "", issuer.token());
            long cpuBefore = processCpuNanos();
            Instant published = Instant.now();
            http.post("/api/v1/admin/alerts/" + id + "/approve", "", approver);
            JsonNode delivery;
            do {
                Thread.sleep(200);
                delivery = http.get("/api/v1/admin/alerts/" + id + "/delivery", issuer.token()).json();
            } while (!delivery.get("complete").getBooleanValue());
            long cpu = processCpuNanos() - cpuBefore;
            // The server's own moment of publication, so that both ends of the interval come from one clock.
            published = Instant.parse(http.get("/api/v1/admin/alerts/" + id, issuer.token()).json()
                    .get("publishedAt").getStringValue());
            Instant first = Instant.parse(delivery.get("firstSentAt").getStringValue());
            Instant last = Instant.parse(delivery.get("lastSentAt").getStringValue());
            int sent = delivery.get("sent").getIntValue();
            double seconds = Duration.between(first, last).toNanos() / 1e9;
            System.gc();
            Runtime runtime = Runtime.getRuntime();
            System.out.printf("Paraat: %,d of %,d targeted devices sent at %,.0f sends/s (%.2fx the bare SDK)%n",
                    sent, delivery.get("targeted").getIntValue(), sent / seconds, sent / seconds / bare);
            System.out.printf("publish to first send %d ms, to last send %,d ms%n",
                    Duration.between(published, first).toMillis(), Duration.between(published, last).toMillis());
            System.out.printf("CPU %.1f s for the whole process (server, SDK and fake FCM together), heap in use after GC %.0f MB%n",
                    cpu / 1e9, (runtime.totalMemory() - runtime.freeMemory()) / 1024.0 / 1024.0);
        }
    }

    private static void insertDevices(String url, int count) throws Exception {
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url + "?rewriteBatchedStatements=true", "root", "")) {
            connection.setAutoCommit(false);
            Random random = new Random(7);
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement device = connection.prepareStatement(
                    "INSERT INTO device (id, public_id, secret_hash, push_token, platform, locale, test_alerts, created_at, last_seen_at)"
                            + " VALUES (?, ?, ?, ?, 'ANDROID', ?, FALSE, ?, ?)");
                 PreparedStatement area = connection.prepareStatement("INSERT INTO device_area (device_id, municipality) VALUES (?, ?)")) {
                String[] locales = {"nl", "nl", "nl", "nl", "en", "fy"};
                for (int i = 1; i <= count; i++) {
                    device.setLong(1, i);
                    device.setString(2, String.format("%032x", i));
                    device.setString(3, "0".repeat(64));
                    device.setString(4, "bench-token-" + i);
                    device.setString(5, locales[random.nextInt(locales.length)]);
                    device.setTimestamp(6, now);
                    device.setTimestamp(7, now);
                    device.addBatch();
                    area.setLong(1, i);
                    area.setString(2, String.format("GM%04d", new int[]{150, 363, 518, 599, 344, 14, 268, 193, 202, 772}[random.nextInt(10)]));
                    area.addBatch();
                    if (i % 5000 == 0) {
                        device.executeBatch();
                        area.executeBatch();
                        connection.commit();
                    }
                }
                device.executeBatch();
                area.executeBatch();
                connection.commit();
            }
        }
        System.out.printf("-- inserted %,d devices in %.1f s%n", count, (System.nanoTime() - started) / 1e9);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
