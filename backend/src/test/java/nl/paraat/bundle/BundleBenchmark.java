package nl.paraat.bundle;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import nl.paraat.auth.AuthFixtures;
import nl.paraat.auth.OrganisationKind;
import nl.paraat.auth.Role;
import nl.paraat.region.RegionService;
import nl.paraat.testing.BenchDatabase;
import nl.paraat.testing.Http;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Offline bundle sizes for all 25 safety regions with the real content folder and 150 realistic
 * points per safety region (imported as CSV, as authorities do), build times, and wrk runs for full
 * bundles and 304s. Run by bench/bundle.sh.
 */
public final class BundleBenchmark {

    private static final int POINTS_PER_REGION = 150;
    private static final String[] TYPES = {"fire-station", "village-hall", "library", "community-centre", "place-of-worship",
            "town-hall", "school"};
    private static final String[] FACILITIES = {"information", "drinking-water", "charging", "first-aid", "shelter", "food",
            "sanitary", "emergency-call", "backup-power", "wheelchair-accessible"};

    private BundleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String url = System.getenv().getOrDefault("PARAAT_BENCH_DB_URL", "jdbc:mysql://127.0.0.1:3306/paraat_bundle_bench");
        Map<String, Object> properties = BenchDatabase.fresh(url);
        properties.put("paraat.content.path", "../content");
        properties.put("paraat.signing.keys-file", "target/bench-signing-keys.jwks");
        properties.put("paraat.bundle.recheck", "1h");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
            ApplicationContext context = server.getApplicationContext();
            Http http = new Http(server, context.getBean(JsonMapper.class));
            String token = AuthFixtures.organisationWithKey(context, OrganisationKind.NATIONAL, List.of("NL"),
                    Role.POINT_MANAGER).token();
            RegionService regions = context.getBean(RegionService.class);
            long started = System.nanoTime();
            for (int number = 1; number <= 25; number++) {
                String region = String.format("VR%02d", number);
                Http.Response imported = http.post("/api/v1/admin/points/import", "text/csv",
                        csv(region, regions, new Random(number)).getBytes(java.nio.charset.StandardCharsets.UTF_8), token);
                if (imported.status() != 200 && imported.status() != 201) {
                    throw new IllegalStateException(region + ": " + imported.body());
                }
            }
            System.out.printf("-- imported %,d points (%d per safety region) in %.1f s%n", 25 * POINTS_PER_REGION,
                    POINTS_PER_REGION, (System.nanoTime() - started) / 1e9);
            Thread.sleep(3000); // the index follows the database within its refresh interval

            String base = "http://127.0.0.1:" + server.getPort();
            HttpClient client = HttpClient.newHttpClient();
            System.out.println("region  points  pages  json KB  gzip KB  first build ms");
            String largest = null;
            long largestGzip = 0;
            for (int number = 1; number <= 25; number++) {
                String region = String.format("VR%02d", number);
                long before = System.nanoTime();
                HttpResponse<byte[]> gzip = get(client, base + "/api/v1/bundle?region=" + region + "&locale=nl", "gzip");
                long buildMs = (System.nanoTime() - before) / 1_000_000;
                HttpResponse<byte[]> plain = get(client, base + "/api/v1/bundle?region=" + region + "&locale=nl", null);
                Map<?, ?> bundle = context.getBean(JsonMapper.class).readValue(plain.body(), Map.class);
                System.out.printf("%s  %6d  %5d  %7.1f  %7.1f  %14d%n", region, ((Map<?, ?>) bundle.get("points")).size(),
                        ((Map<?, ?>) bundle.get("pages")).size(), plain.body().length / 1024.0, gzip.body().length / 1024.0, buildMs);
                if (gzip.body().length > largestGzip) {
                    largestGzip = gzip.body().length;
                    largest = region;
                }
            }
            System.out.printf("largest: %s at %.1f KB gzip (budget 300 KB)%n", largest, largestGzip / 1024.0);
            String path = "/api/v1/bundle?region=" + largest + "&locale=nl";
            String etag = get(client, base + path, "gzip").headers().firstValue("ETag").orElseThrow();
            int seconds = Integer.parseInt(System.getenv().getOrDefault("PARAAT_BENCH_SECONDS", "15"));
            wrk("full bundles, gzip", base + path, seconds, "Accept-Encoding: gzip");
            wrk("304 Not Modified", base + path, seconds, "If-None-Match: " + etag);
        }
        System.exit(0);
    }

    private static String csv(String region, RegionService regions, Random random) {
        Geometry outline = regions.boundary(region).orElseThrow();
        Envelope box = outline.getEnvelopeInternal();
        StringBuilder csv = new StringBuilder("externalId,name,type,latitude,longitude,address,postalCode,city,facilities,"
                + "capacity,openingHours,status,statusNote\n");
        int made = 0;
        while (made < POINTS_PER_REGION) {
            double lon = box.getMinX() + random.nextDouble() * box.getWidth();
            double lat = box.getMinY() + random.nextDouble() * box.getHeight();
            if (regions.locate(lat, lon).filter(l -> l.safetyRegion().code().equals(region)).isEmpty()) {
                continue;
            }
            String city = regions.locate(lat, lon).orElseThrow().municipality().name();
            String type = TYPES[random.nextInt(TYPES.length)];
            StringBuilder facilities = new StringBuilder();
            for (String facility : FACILITIES) {
                if (random.nextInt(3) == 0) {
                    facilities.append(facilities.isEmpty() ? "" : ";").append(facility);
                }
            }
            if (facilities.isEmpty()) {
                facilities.append("information");
            }
            String status = random.nextInt(5) == 0 ? "active" : "standby";
            csv.append(String.format(java.util.Locale.ROOT, "%s-%03d,\"%s %s %d\",%s,%.5f,%.5f,Dorpsstraat %d,%04d AB,\"%s\",%s,%d,%s,%s,%s%n",
                    region, made, label(type), city, made, type, lat, lon, 1 + random.nextInt(200), 1000 + random.nextInt(8999),
                    city, facilities, 20 + random.nextInt(300), "ma-vr 08:00-22:00; za-zo 10:00-18:00", status,
                    status.equals("active") ? "Open tijdens de stroomstoring; kom langs voor water en informatie" : ""));
            made++;
        }
        return csv.toString();
    }

    private static String label(String type) {
        return switch (type) {
            case "fire-station" -> "Brandweerkazerne";
            case "village-hall" -> "Dorpshuis";
            case "library" -> "Bibliotheek";
            case "community-centre" -> "Buurthuis";
            case "place-of-worship" -> "Kerk";
            case "town-hall" -> "Gemeentehuis";
            default -> "Basisschool";
        };
    }

    private static HttpResponse<byte[]> get(HttpClient client, String url, String encoding) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (encoding != null) {
            request.header("Accept-Encoding", encoding);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void wrk(String what, String url, int seconds, String header) throws Exception {
        System.out.printf("-- wrk: %s, 2 threads, 32 connections, %d s (after 5 s warm-up)%n", what, seconds);
        run(List.of("wrk", "-t2", "-c32", "-d5s", "-H", header, url), false);
        run(List.of("wrk", "-t2", "-c32", "-d" + seconds + "s", "--latency", "-H", header, url), true);
    }

    private static void run(List<String> command, boolean print) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (print && line.matches(".*(Requests/sec|Transfer/sec|50%|99%|Non-2xx|requests in).*")) {
                    System.out.println(line);
                }
            }
        }
        process.waitFor();
    }
}
