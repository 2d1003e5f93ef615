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
import nl.paraat.testing.BenchDatabase;
import nl.paraat.testing.Http;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
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
import java.util.TreeMap;

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
        String url = System.getenv().getOrDefault("PARAAT_BENCH_DB_URL", "jdbc:mariadb://127.0.0.1:3306/paraat_push_bench");
        try (FakeFcm fcm = FakeFcm.startLocal()) {
            fcm.recording(false);
            System.out.printf("-- fake FCM at %s%n", fcm.endpoint());
            // The bare SDK before and after Paraat, because this machine's speed drifts during a run.
            double before = bareSdk(fcm, devices, false);
            System.out.printf("bare Firebase Admin SDK: %,d prebuilt messages at %,.0f msgs/s%n", devices, before);
            double paraat = paraat(fcm, devices, url);
            double after = bareSdk(fcm, devices, false);
            System.out.printf("bare Firebase Admin SDK again: %,d prebuilt messages at %,.0f msgs/s%n", devices, after);
            System.out.printf("Paraat (warm) sends at %.2fx the bare SDK (mean of before and after)%n", paraat / ((before + after) / 2));
            // What the message's shape costs: the bare SDK once more, with only a token, a title and a body.
            double minimal = bareSdk(fcm, devices, true);
            System.out.printf("bare Firebase Admin SDK, minimal messages (token, title, body only): %,.0f msgs/s%n", minimal);
            // The ceiling under faults: the bare SDK sending again, at once and from memory, every message that failed.
            double bareFaults = bareSdkUnderFaults(fcm, devices);
            System.out.printf("bare Firebase Admin SDK under the faults of the third alert, resending failures at once from memory:"
                    + " %,.0f accepted msgs/s, %.2fx its rate without faults%n", bareFaults, bareFaults / after);
            // Over a network each request waits a round trip: the rate is then bound by the requests awaiting an answer.
            fcm.delayAnswers(50);
            int slow = Math.min(devices, 40_000);
            double sdkDefault = bareSdk(fcm, slow, false, null, false);
            double sized = bareSdk(fcm, slow, false, new FcmSendCapacity(400), false);
            System.out.printf("answers 50 ms late: the SDK's 100 threads send %,.0f msgs/s; sized for 400 concurrent requests"
                    + " (paraat.push.concurrent-requests) %,.0f msgs/s%n", sdkDefault, sized);
        }
        System.exit(0);
    }

    private static double bareSdk(FakeFcm fcm, int count, boolean minimal) throws Exception {
        return bareSdk(fcm, count, minimal, null, true);
    }

    /** @param capacity Paraat's sizing of the SDK's threads and connections; null for the SDK's defaults */
    private static double bareSdk(FakeFcm fcm, int count, boolean minimal, FcmSendCapacity capacity, boolean warmUp)
            throws Exception {
        RedirectingTransport transport = capacity == null ? new RedirectingTransport(fcm.endpoint())
                : new RedirectingTransport(fcm.endpoint(), capacity.transport());
        FirebaseOptions.Builder options = FirebaseOptions.builder()
                .setCredentials(GoogleCredentials.create(new AccessToken("bench", new Date(Long.MAX_VALUE / 2))))
                .setProjectId("paraat-bench").setHttpTransport(transport)
                .setConnectTimeout(10_000).setReadTimeout(10_000);
        if (capacity != null) {
            options.setThreadManager(capacity.threads());
        }
        FirebaseApp app = FirebaseApp.initializeApp(options.build(), "bare-" + java.util.UUID.randomUUID());
        FirebaseMessaging messaging = FirebaseMessaging.getInstance(app);
        List<Message> messages = messages(count, minimal);
        // The JIT needs a few hundred thousand messages before the rate settles: warm up with the whole set once.
        for (int from = 0; warmUp && from < count; from += 500) {
            messaging.sendEach(messages.subList(from, Math.min(count, from + 500)));
        }
        Map<String, Long> cpuBefore = threadCpu();
        long processBefore = processCpuNanos();
        long started = System.nanoTime();
        for (int from = 0; from < count; from += 500) {
            messaging.sendEach(messages.subList(from, Math.min(count, from + 500)));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        printCpuPerMessage(cpuBefore, count);
        System.out.printf("   CPU per message in the whole process                %6.1f µs%n", (processCpuNanos() - processBefore) / 1e3 / count);
        app.delete();
        transport.shutdown();
        return count / seconds;
    }

    /** Shaped like Paraat's own messages for the benchmark's alert: same texts, same data keys. */
    private static List<Message> messages(int count, boolean minimal) throws Exception {
        Map<String, String> data = new java.util.LinkedHashMap<>();
        data.put("alertId", "1");
        data.put("identifier", "urn:paraat:alert:" + java.util.UUID.randomUUID());
        data.put("msgType", "Alert");
        data.put("severity", "Severe");
        data.put("bbox", "3.3316001,50.7503838,7.2274985,53.6316");
        data.put("link", "paraat://alerts/1");
        // Paraat signs each message (data.sig, ES256): the bare messages carry a signature of the same size.
        Map<String, String> signed = new java.util.LinkedHashMap<>(data);
        signed.put("title", "Landelijke stroomstoring");
        signed.put("body", "De stroom is in heel Nederland uitgevallen.");
        com.nimbusds.jose.jwk.ECKey key = new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256)
                .keyID("paraat-2026-11-25").generate();
        com.nimbusds.jose.JWSObject jws = new com.nimbusds.jose.JWSObject(
                new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                new com.nimbusds.jose.Payload(JsonMapper.createDefault().writeValueAsBytes(signed)));
        jws.sign(new com.nimbusds.jose.crypto.ECDSASigner(key));
        data.put("sig", jws.serialize());
        List<Message> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            messages.add(minimal ? Message.builder().setToken("bare-" + i).setNotification(com.google.firebase.messaging.Notification
                    .builder().setTitle("Landelijke stroomstoring").setBody("De stroom is in heel Nederland uitgevallen.").build()).build()
                    : FcmPushChannel.message(new PushMessage("bare-" + i, null, "Landelijke stroomstoring",
                    "De stroom is in heel Nederland uitgevallen.", data, "alert-1", Duration.ofHours(6), true)));
        }
        return messages;
    }

    /**
     * The bare SDK (without its own retries, as Paraat sends) while the fake fails 20 % with 503 and 10 % with
     * 429: every failed message goes out again in the next batches, without waiting, until all are accepted.
     */
    static double bareSdkUnderFaults(FakeFcm fcm, int count) throws Exception {
        RedirectingTransport transport = new RedirectingTransport(fcm.endpoint());
        FirebaseApp app = FirebaseApp.initializeApp(FirebaseOptions.builder()
                .setCredentials(GoogleCredentials.create(new AccessToken("bench", new Date(Long.MAX_VALUE / 2))))
                .setProjectId("paraat-bench").setHttpTransport(transport)
                .setConnectTimeout(10_000).setReadTimeout(10_000).build(), "bare-faults-" + java.util.UUID.randomUUID());
        FirebaseMessaging messaging = com.google.firebase.messaging.MessagingWithoutRetries.of(app);
        List<Message> messages = messages(count, false);
        fcm.faults(0.20, 0.10);
        try {
            // Once through the error paths first, as the bare SDK's other runs warm up on the whole set.
            untilAllAccepted(messaging, messages);
            Map<String, Long> cpuBefore = threadCpu();
            long processBefore = processCpuNanos();
            long started = System.nanoTime();
            long requests = untilAllAccepted(messaging, messages);
            double seconds = (System.nanoTime() - started) / 1e9;
            printCpuPerMessage(cpuBefore, count);
            System.out.printf("   CPU per message in the whole process                %6.1f µs; %,d requests for %,d messages%n",
                    (processCpuNanos() - processBefore) / 1e3 / count, requests, count);
            return count / seconds;
        } finally {
            fcm.faults(0, 0);
            app.delete();
            transport.shutdown();
        }
    }

    /** @return how many requests it took */
    private static long untilAllAccepted(FirebaseMessaging messaging, List<Message> messages) throws Exception {
        List<Message> pending = messages;
        long requests = 0;
        while (!pending.isEmpty()) {
            List<Message> failed = new ArrayList<>();
            for (int from = 0; from < pending.size(); from += 500) {
                List<Message> batch = pending.subList(from, Math.min(pending.size(), from + 500));
                List<com.google.firebase.messaging.SendResponse> responses = messaging.sendEach(batch).getResponses();
                requests += batch.size();
                for (int i = 0; i < batch.size(); i++) {
                    if (!responses.get(i).isSuccessful()) {
                        failed.add(batch.get(i));
                    }
                }
            }
            pending = failed;
        }
        return requests;
    }

    private static double paraat(FakeFcm fcm, int count, String url) throws Exception {
        Map<String, Object> properties = BenchDatabase.fresh(url);
        properties.put("paraat.push.fcm-enabled", "true");
        properties.put("paraat.push.project-id", "paraat-bench");
        properties.put("paraat.push.endpoint", fcm.endpoint());
        properties.put("paraat.push.dispatch.sends-per-second", "1000000");
        properties.put("paraat.push.poll-interval", "200ms");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
            ApplicationContext context = server.getApplicationContext();
            insertDevices(url, count);
            AuthFixtures.Member issuer = AuthFixtures.organisationWithKey(context, OrganisationKind.NATIONAL, List.of("NL"),
                    Role.ALERT_ISSUER);
            String approver = AuthFixtures.keyFor(context, issuer.organisation(), Role.ALERT_APPROVER);
            Http http = new Http(server, context.getBean(JsonMapper.class));
            // The first alert after start also pays for compiling Paraat's code; the second runs warm, like the bare SDK.
            double cold = pushOneAlert(fcm, http, issuer, approver, "first alert after start (cold JVM)");
            double warm = pushOneAlert(fcm, http, issuer, approver, "second alert (warm JVM)");
            System.out.printf("Paraat cold / warm: %.2f%n", cold / warm);
            // FCM misbehaving as it does under load: every request may fail, again and again, independently.
            int dead = killEveryFiftiethToken(url);
            double faults = underFaults(fcm, http, issuer, approver, count, dead, "third alert, FCM failing 20 % with 503 and"
                    + " 10 % with 429 + Retry-After, 2 % dead tokens (the first time the JVM runs its error paths)");
            System.out.printf("Paraat under faults / without: %.2f%n", faults / warm);
            double faultsAgain = underFaults(fcm, http, issuer, approver, count, dead, "fourth alert, the same faults again"
                    + " (error paths compiled; the dead tokens were retired by the third)");
            System.out.printf("Paraat under faults again / without: %.2f%n", faultsAgain / warm);
            return warm;
        }
    }

    /** One alert while FCM fails at random; counts, per live device, whether it got the alert never or more than once. */
    private static double underFaults(FakeFcm fcm, Http http, AuthFixtures.Member issuer, String approver, int count, int dead,
                                      String label) throws Exception {
        fcm.faults(0.20, 0.10);
        fcm.forgetCounts();
        long requestsBefore = fcm.requests();
        double rate;
        try {
            rate = pushOneAlert(fcm, http, issuer, approver, label);
        } finally {
            fcm.faults(0, 0);
        }
        Map<String, Integer> counts = fcm.acceptedPerToken();
        long missed = 0;
        long twice = 0;
        for (int i = 1; i <= count; i++) {
            int accepted = counts.getOrDefault("bench-token-" + i, 0);
            if (i % 50 != 0 && accepted == 0) {
                missed++;
            } else if (accepted > 1) {
                twice++;
            }
        }
        System.out.printf("   under faults: %,d live devices, %,d dead tokens; missed %,d, sent twice %,d; %,d requests to FCM"
                + " for %,d accepted%n", count - dead, dead, missed, twice, fcm.requests() - requestsBefore,
                counts.values().stream().mapToLong(Integer::longValue).sum());
        return rate;
    }

    /** Every fiftieth device's token no longer exists at FCM (the fake answers UNREGISTERED to "dead-" tokens). */
    private static int killEveryFiftiethToken(String url) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "root", "");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE device SET push_token = CONCAT('dead-', push_token) WHERE MOD(id, 50) = 0")) {
            return update.executeUpdate();
        }
    }

    private static double pushOneAlert(FakeFcm fcm, Http http, AuthFixtures.Member issuer, String approver, String label)
            throws Exception {
        String expires = Instant.now().plus(6, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        long id = http.post("/api/v1/admin/alerts", """
                {"hazard":"power-outage","urgency":"Immediate","severity":"Severe","certainty":"Observed",
                 "expires":"%s","area":{"codes":["NL"]},
                 "infos":{"nl":{"headline":"Landelijke stroomstoring","description":"De stroom is in heel Nederland uitgevallen."},
                          "en":{"headline":"Nationwide power cut","description":"The power is out across the Netherlands."}}}
                """.formatted(expires), issuer.token()).json().get("id").getLongValue();
        http.post("/api/v1/admin/alerts/" + id + "/submit", "", issuer.token());
        long cpuBefore = processCpuNanos();
        long databaseBefore = databaseCpuNanos();
        Map<String, Long> threadsBefore = threadCpu();
        fcm.acceptedBetween();
        ManagementFactory.getMemoryPoolMXBeans().forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
        Instant published = Instant.now();
        http.post("/api/v1/admin/alerts/" + id + "/approve", "", approver);
        JsonNode delivery;
        long acceptedBefore = fcm.accepted();
        StringBuilder timeline = new StringBuilder();
        do {
            // Asking the server costs it CPU in the middle of the measurement: ask once a second.
            Thread.sleep(1000);
            delivery = http.get("/api/v1/admin/alerts/" + id + "/delivery", issuer.token()).json();
            long seconds = Duration.between(published, Instant.now()).toSeconds();
            if (seconds % 5 == 0) {
                timeline.append(String.format(" %ds: %,d sent, %,d pending, %d/%d chunks;", seconds,
                        fcm.accepted() - acceptedBefore, delivery.get("pending").getIntValue(),
                        delivery.get("chunksDone").getIntValue(), delivery.get("chunks").getIntValue()));
            }
        } while (!delivery.get("complete").getBooleanValue());
        System.out.println("   progress:" + timeline);
        long cpu = processCpuNanos() - cpuBefore;
        long databaseCpu = databaseCpuNanos() - databaseBefore;
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        int sent = delivery.get("sent").getIntValue();
        printCpuPerMessage(threadsBefore, sent);
        System.out.printf("   CPU per message in the whole process                %6.1f µs%n", cpu / 1e3 / sent);
        System.out.printf("   CPU per message in the database server (mariadbd)   %6.1f µs%n", databaseCpu / 1e3 / sent);
        // Measured where the messages arrive, where the server's own bookkeeping cannot blur it.
        Instant[] accepted = fcm.acceptedBetween();
        Instant first = accepted[0];
        Instant last = accepted[1];
        double seconds = Duration.between(first, last).toNanos() / 1e9;
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("Paraat, %s: %,d of %,d targeted devices sent at %,.0f sends/s%n",
                label, sent, delivery.get("targeted").getIntValue(), sent / seconds);
        System.out.printf("publish to first send %d ms, to last send %,d ms%n",
                Duration.between(published, first).toMillis(), Duration.between(published, last).toMillis());
        System.out.printf("CPU %.1f s for the whole process (server, SDK and fake FCM together); heap: peak %.0f MB"
                + " during the push (sum of the pools' peaks), %.0f MB in use after GC%n",
                cpu / 1e9, peakHeap / 1024.0 / 1024.0, (runtime.totalMemory() - runtime.freeMemory()) / 1024.0 / 1024.0);
        return sent / seconds;
    }

    private static void insertDevices(String url, int count) throws Exception {
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url + "?rewriteBatchedStatements=true", "root", "")) {
            connection.setAutoCommit(false);
            Random random = new Random(7);
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement device = connection.prepareStatement(
                    "INSERT INTO device (id, public_id, secret_hash, push_token, platform, locale, test_alerts, created_at, last_seen_at,"
                            + " push_token_digest) VALUES (?, ?, ?, ?, 'ANDROID', ?, FALSE, ?, ?, ?)");
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
                    device.setString(8, nl.paraat.common.Secrets.hash("bench-token-" + i));
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

    /**
     * CPU time per thread pool (the name without its trailing number), including the JVM's own threads
     * (garbage collection, JIT compilers), which only the operating system reports.
     */
    private static Map<String, Long> threadCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> cpu = new HashMap<>();
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread != null) {
                cpu.merge(thread.getThreadName().replaceAll("[-#0-9]+$", ""), threads.getThreadCpuTime(thread.getThreadId()), Long::sum);
            }
        }
        jvmThreadCpu().forEach((name, nanos) -> cpu.merge(name, nanos, Long::sum));
        return cpu;
    }

    private static final java.util.regex.Pattern JVM_THREAD = java.util.regex.Pattern.compile("GC Thread|G1 |C1 Compiler|C2 Compiler|VM Thread");

    /** Linux only: /proc/self/task/{tid}/stat gives each native thread's name and its user and system ticks. */
    private static Map<String, Long> jvmThreadCpu() {
        Map<String, Long> cpu = new HashMap<>();
        java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
        if (tasks == null) {
            return cpu;
        }
        for (java.io.File task : tasks) {
            try {
                String stat = java.nio.file.Files.readString(task.toPath().resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (JVM_THREAD.matcher(name).lookingAt()) {
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    cpu.merge("JVM " + name.replaceAll("[-#0-9]+$", "").strip(), ticks * 10_000_000L, Long::sum);
                }
            } catch (java.io.IOException | RuntimeException gone) {
                // the thread ended while it was read
            }
        }
        return cpu;
    }

    private static void printCpuPerMessage(Map<String, Long> before, int messages) {
        Map<String, Long> spent = new TreeMap<>();
        threadCpu().forEach((pool, nanos) -> spent.put(pool, nanos - before.getOrDefault(pool, 0L)));
        spent.entrySet().stream().filter(e -> e.getValue() / messages >= 1_000)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> System.out.printf("   CPU per message in %-28s %6.1f µs%n", e.getKey(), e.getValue() / 1e3 / messages));
    }

    /** The database server's CPU time (user and system), read from /proc; 0 where it cannot be found. */
    private static long databaseCpuNanos() {
        java.io.File[] processes = new java.io.File("/proc").listFiles((dir, name) -> name.chars().allMatch(Character::isDigit));
        for (java.io.File process : processes == null ? new java.io.File[0] : processes) {
            try {
                if (java.nio.file.Files.readString(process.toPath().resolve("comm")).strip().equals("mariadbd")) {
                    String stat = java.nio.file.Files.readString(process.toPath().resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
                }
            } catch (java.io.IOException | RuntimeException gone) {
                // the process ended while it was read
            }
        }
        return 0;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
