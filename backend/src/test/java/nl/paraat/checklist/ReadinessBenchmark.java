package nl.paraat.checklist;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import nl.paraat.auth.AuthFixtures;
import nl.paraat.auth.OrganisationKind;
import nl.paraat.auth.Role;
import nl.paraat.region.RegionService;
import nl.paraat.testing.BenchDatabase;
import nl.paraat.testing.Http;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Readiness statistics over 100,000 devices' progress in MariaDB, spread over the municipalities of a
 * few safety regions, with a history of up to four kit/plan states each over the last 16 weeks.
 * Times the statistics of each safety region, warm, in the service and over HTTP. Run by
 * {@code bench/readiness.sh}; options as {@code --name=value}: url, devices, regions, runs, warmup.
 */
public final class ReadinessBenchmark {

    private static final int HISTORY_WEEKS = 16;

    private ReadinessBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        String url = options.getOrDefault("url", "jdbc:mysql://127.0.0.1:3306/paraat_readiness_bench");
        int devices = Integer.parseInt(options.getOrDefault("devices", "100000"));
        List<String> regions = Arrays.asList(options.getOrDefault("regions", "VR04,VR05,VR06,VR13").split(","));
        int runs = Integer.parseInt(options.getOrDefault("runs", "30"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "10"));
        Map<String, Object> properties = BenchDatabase.fresh(url);
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
            ApplicationContext context = server.getApplicationContext();
            RegionService regionService = context.getBean(RegionService.class);
            ChecklistService checklists = context.getBean(ChecklistService.class);
            List<String> kit = checklists.itemIds(ProgressService.KIT).orElseThrow().stream().sorted().toList();
            List<String> plan = checklists.itemIds(ProgressService.PLAN).orElseThrow().stream().sorted().toList();
            long started = System.nanoTime();
            long rows = load(url, devices, regions, regionService, kit, plan);
            System.out.printf("Loaded %,d devices (%,d rows) over %s in %.1f s; %d kit items, %d plan items%n", devices, rows,
                    String.join(", ", regions), (System.nanoTime() - started) / 1e9, kit.size(), plan.size());
            explain(url);

            ReadinessService readiness = context.getBean(ReadinessService.class);
            String token = AuthFixtures.organisationWithKey(context, OrganisationKind.NATIONAL, List.of("NL"), Role.ADMIN).token();
            Http http = new Http(server, context.getBean(JsonMapper.class));
            System.out.printf("%n%-6s %10s %14s %11s %12s %10s %12s %10s%n", "region", "households", "municipalities",
                    "suppressed", "service p50", "max", "HTTP p50", "max");
            for (String region : regions) {
                ReadinessStats stats = readiness.readiness(region);
                double[] service = time(warmup, runs, () -> readiness.readiness(region));
                double[] overHttp = time(warmup, runs, () -> {
                    Http.Response response = http.get("/api/v1/admin/stats/readiness?region=" + region, token);
                    if (response.status() != 200) {
                        throw new IllegalStateException(response.body());
                    }
                    return response;
                });
                System.out.printf("%-6s %10s %8d of %2d %4d figures %9.1f ms %7.1f ms %9.1f ms %7.1f ms%n", region,
                        stats.households(), stats.municipalities().published(),
                        stats.municipalities().published() + stats.municipalities().suppressed(), stats.suppressed().size(),
                        service[0], service[1], overHttp[0], overHttp[1]);
            }
            JsonNode sample = http.get("/api/v1/admin/stats/readiness?region=" + regions.get(0), token).json();
            System.out.printf("%n%s: completeKit %s, plan %s, weeks %d, municipalities %s%n", regions.get(0),
                    sample.get("completeKit").get("share").getDoubleValue(), sample.get("plan").get("share").getDoubleValue(),
                    sample.get("weeks").size(), sample.get("municipalities").get("published").getIntValue()
                            + " published / " + sample.get("municipalities").get("suppressed").getIntValue() + " suppressed");
        }
    }

    /** {p50, max} in milliseconds of {@code runs} calls after {@code warmup} untimed ones. */
    private static double[] time(int warmup, int runs, Supplier<?> call) {
        for (int i = 0; i < warmup; i++) {
            call.get();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            call.get();
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        return new double[]{millis[runs / 2], millis[runs - 1]};
    }

    /**
     * Devices are spread evenly over the regions and unevenly over each region's municipalities; one
     * municipality per region gets only a few, so that suppression is part of what is timed.
     */
    private static long load(String url, int count, List<String> regions, RegionService regionService, List<String> kit,
                             List<String> plan) throws Exception {
        Random random = new Random(42);
        List<Integer> weeks = IsoWeeks.lastWeeks(Instant.now(), HISTORY_WEEKS);
        double[] kitOdds = random.doubles(kit.size(), 0.15, 0.95).toArray();
        double[] planOdds = random.doubles(plan.size(), 0.1, 0.8).toArray();
        Map<String, List<String>> municipalities = new HashMap<>();
        Map<String, double[]> weights = new HashMap<>();
        for (String region : regions) {
            List<String> codes = new ArrayList<>(regionService.municipalitiesOf(region));
            double[] weight = random.doubles(codes.size(), 0.2, 1).toArray();
            weight[0] = 0.0001;
            municipalities.put(region, codes);
            weights.put(region, cumulative(weight));
        }
        String[] needs = {"mobility", "medical-power", "care-dependency", "language"};
        long rows = 0;
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = DriverManager.getConnection(url + "?rewriteBatchedStatements=true", "root", "")) {
            connection.setAutoCommit(false);
            try (PreparedStatement device = connection.prepareStatement("INSERT INTO device (id, public_id, secret_hash,"
                    + " locale, test_alerts, created_at, last_seen_at) VALUES (?, ?, ?, 'nl', FALSE, ?, ?)");
                 PreparedStatement progress = connection.prepareStatement("INSERT INTO checklist_progress (device_id,"
                         + " municipality, needs_opt_in, updated_at) VALUES (?, ?, ?, ?)");
                 PreparedStatement list = connection.prepareStatement("INSERT INTO checklist_progress_list (device_id,"
                         + " municipality, checklist_id, complete) VALUES (?, ?, ?, ?)");
                 PreparedStatement item = connection.prepareStatement("INSERT INTO checklist_progress_item (device_id,"
                         + " municipality, checklist_id, item_id) VALUES (?, ?, ?, ?)");
                 PreparedStatement need = connection.prepareStatement("INSERT INTO checklist_progress_need (device_id,"
                         + " municipality, category) VALUES (?, ?, ?)");
                 PreparedStatement week = connection.prepareStatement("INSERT INTO checklist_progress_week (device_id,"
                         + " municipality, week_from, week_to, kit_complete, plan_complete) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (int id = 1; id <= count; id++) {
                    String region = regions.get(id % regions.size());
                    String municipality = pick(municipalities.get(region), weights.get(region), random.nextDouble());
                    device.setLong(1, id);
                    device.setString(2, String.format("%032x", id));
                    device.setString(3, "0".repeat(64));
                    device.setTimestamp(4, now);
                    device.setTimestamp(5, now);
                    device.addBatch();
                    boolean optIn = random.nextDouble() < 0.15;
                    progress.setLong(1, id);
                    progress.setString(2, municipality);
                    progress.setBoolean(3, optIn);
                    progress.setTimestamp(4, now);
                    progress.addBatch();
                    boolean kitComplete = done(id, municipality, ProgressService.KIT, kit, kitOdds, random, item);
                    boolean planComplete = done(id, municipality, ProgressService.PLAN, plan, planOdds, random, item);
                    rows += 2 + list(list, id, municipality, ProgressService.KIT, kitComplete)
                            + list(list, id, municipality, ProgressService.PLAN, planComplete);
                    if (optIn) {
                        for (String category : needs) {
                            if (random.nextDouble() < 0.3) {
                                need.setLong(1, id);
                                need.setString(2, municipality);
                                need.setString(3, category);
                                need.addBatch();
                                rows++;
                            }
                        }
                    }
                    rows += history(week, id, municipality, weeks, kitComplete, planComplete, random);
                    if (id % 2000 == 0 || id == count) {
                        device.executeBatch();
                        progress.executeBatch();
                        list.executeBatch();
                        rows += Arrays.stream(item.executeBatch()).count();
                        need.executeBatch();
                        week.executeBatch();
                        connection.commit();
                    }
                }
            }
            try (Statement statement = connection.createStatement()) {
                for (String table : List.of("checklist_progress", "checklist_progress_list", "checklist_progress_item",
                        "checklist_progress_need", "checklist_progress_week")) {
                    statement.execute("ANALYZE TABLE " + table);
                }
            }
            connection.commit();
        }
        return rows;
    }

    private static boolean done(long id, String municipality, String checklist, List<String> items, double[] odds,
                                Random random, PreparedStatement item) throws Exception {
        boolean all = true;
        for (int i = 0; i < items.size(); i++) {
            if (random.nextDouble() < odds[i]) {
                item.setLong(1, id);
                item.setString(2, municipality);
                item.setString(3, checklist);
                item.setString(4, items.get(i));
                item.addBatch();
            } else {
                all = false;
            }
        }
        // not every item applies to every household, so some report complete without all items
        return all || random.nextDouble() < 0.2;
    }

    private static int list(PreparedStatement list, long id, String municipality, String checklist, boolean complete)
            throws Exception {
        list.setLong(1, id);
        list.setString(2, municipality);
        list.setString(3, checklist);
        list.setBoolean(4, complete);
        list.addBatch();
        return 1;
    }

    /** One to four spans from a first report within the last 16 weeks, ending in the current state. */
    private static int history(PreparedStatement week, long id, String municipality, List<Integer> weeks, boolean kit,
                               boolean plan, Random random) throws Exception {
        int spans = 1 + random.nextInt(4);
        int from = random.nextInt(weeks.size());
        int written = 0;
        for (int span = 0; span < spans; span++) {
            boolean last = span == spans - 1 || from == weeks.size() - 1;
            int to = last ? weeks.size() : from + 1 + random.nextInt(weeks.size() - from - 1);
            week.setLong(1, id);
            week.setString(2, municipality);
            week.setInt(3, weeks.get(from));
            week.setInt(4, last ? IsoWeeks.OPEN : weeks.get(to));
            week.setBoolean(5, last ? kit : random.nextDouble() < 0.2);
            week.setBoolean(6, last ? plan : random.nextDouble() < 0.1);
            week.addBatch();
            written++;
            if (last) {
                break;
            }
            from = to;
        }
        return written;
    }

    private static double[] cumulative(double[] weights) {
        double total = Arrays.stream(weights).sum();
        double[] cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] / total;
            cumulative[i] = sum;
        }
        return cumulative;
    }

    private static String pick(List<String> codes, double[] cumulative, double draw) {
        for (int i = 0; i < cumulative.length; i++) {
            if (draw < cumulative[i]) {
                return codes.get(i);
            }
        }
        return codes.get(codes.size() - 1);
    }

    private static void explain(String url) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "root", "");
             Statement statement = connection.createStatement();
             ResultSet plan = statement.executeQuery("EXPLAIN SELECT municipality, checklist_id, item_id, COUNT(*)"
                     + " FROM checklist_progress_item WHERE municipality IN ('GM0150', 'GM0193')"
                     + " GROUP BY municipality, checklist_id, item_id")) {
            while (plan.next()) {
                System.out.printf("EXPLAIN per-item counts: type=%s key=%s rows=%s extra=%s%n", plan.getString("type"),
                        plan.getString("key"), plan.getString("rows"), plan.getString("Extra"));
            }
        }
    }
}
