package nl.paraat.point;

import nl.paraat.common.GeoMath;
import io.micronaut.json.JsonMapper;
import nl.paraat.region.Location;
import nl.paraat.region.RegionService;

import java.lang.reflect.Constructor;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Nearest-neighbour benchmark for resilience points: Paraat's in-memory {@link PointIndex} against
 * three database ways of answering the same question, on the same 100,000 synthetic points clustered
 * around Dutch towns, with every answer checked against a brute-force scan.
 *
 * <ul>
 *   <li>MariaDB, plain B-tree index on (latitude, longitude): a box widened until provably exact, as
 *       {@link PointStore} does, with ST_Distance_Sphere, ORDER BY and LIMIT in SQL;</li>
 *   <li>MariaDB, POINT column (SRID 4326) with a SPATIAL index: MBRContains pre-filter, otherwise the same;</li>
 *   <li>PostGIS, geography(Point, 4326) with a GiST index: KNN {@code ORDER BY geog <-> point LIMIT k}.</li>
 * </ul>
 *
 * It also replaces the rows of Paraat's own {@code resilience_point} table in the MariaDB database (when
 * Liquibase has created it) and bumps {@code point_index_version}, so that a Paraat server on that
 * database serves the same points. Run by {@code bench/points.sh}; options as {@code --name=value}:
 * mysql-url, mysql-user, mysql-password, pg-url, pg-user, pg-password, points, queries, edge-queries,
 * warmup, seed, k, paraat-table (true/false). The URLs also come from PARAAT_BENCH_MYSQL_URL and
 * PARAAT_BENCH_PG_URL.
 */
public final class PointBenchmark {

    private static final double MIN_LAT = 50.75;
    private static final double MAX_LAT = 53.55;
    private static final double MIN_LON = 3.35;
    private static final double MAX_LON = 7.22;
    private static final int STATUS_MASK = (1 << PointStatus.STANDBY.ordinal()) | (1 << PointStatus.ACTIVE.ordinal());
    private static final String STATUS_SQL = "(" + PointStatus.STANDBY.ordinal() + ", " + PointStatus.ACTIVE.ordinal() + ")";
    /** Two answers' distances at one position may differ by this much and still be a tie. */
    private static final double TIE_METRES = 1e-6;
    /** A database's reported distance may differ from the great-circle one by this much. */
    private static final double DISTANCE_TOLERANCE_METRES = 0.5;
    /** Where a box search gives up widening: farther than any two points in the Netherlands. */
    private static final double MAX_RADIUS_METRES = 1_100_000;

    private record Town(String name, double lat, double lon, int thousands) {
    }

    /** Town centres (approximate) and population in thousands; the weight of a town in the sample. */
    private static final List<Town> TOWNS = List.of(
            new Town("Amsterdam", 52.3728, 4.8936, 930), new Town("Rotterdam", 51.9225, 4.4792, 665),
            new Town("Den Haag", 52.0799, 4.3113, 560), new Town("Utrecht", 52.0907, 5.1214, 370),
            new Town("Eindhoven", 51.4416, 5.4697, 240), new Town("Groningen", 53.2194, 6.5665, 240),
            new Town("Tilburg", 51.5555, 5.0913, 225), new Town("Almere", 52.3508, 5.2647, 220),
            new Town("Breda", 51.5719, 4.7683, 185), new Town("Nijmegen", 51.8126, 5.8372, 180),
            new Town("Apeldoorn", 52.2112, 5.9699, 165), new Town("Arnhem", 51.9851, 5.8987, 165),
            new Town("Haarlem", 52.3874, 4.6462, 163), new Town("Hoofddorp", 52.3061, 4.6907, 160),
            new Town("Amersfoort", 52.1561, 5.3878, 160), new Town("Zaandam", 52.4420, 4.8292, 158),
            new Town("Enschede", 52.2215, 6.8937, 160), new Town("'s-Hertogenbosch", 51.6978, 5.3037, 158),
            new Town("Zwolle", 52.5168, 6.0830, 132), new Town("Zoetermeer", 52.0575, 4.4931, 126),
            new Town("Leiden", 52.1601, 4.4970, 127), new Town("Maastricht", 50.8514, 5.6910, 122),
            new Town("Dordrecht", 51.8133, 4.6901, 120), new Town("Ede", 52.0402, 5.6649, 120),
            new Town("Alphen aan den Rijn", 52.1284, 4.6575, 115), new Town("Alkmaar", 52.6324, 4.7534, 110),
            new Town("Emmen", 52.7792, 6.9069, 108), new Town("Naaldwijk", 51.9936, 4.2094, 112),
            new Town("Delft", 52.0116, 4.3571, 105), new Town("Venlo", 51.3704, 6.1724, 103),
            new Town("Deventer", 52.2550, 6.1639, 102), new Town("Sittard", 50.9983, 5.8692, 92),
            new Town("Helmond", 51.4793, 5.6570, 93), new Town("Oss", 51.7650, 5.5180, 93),
            new Town("Amstelveen", 52.3114, 4.8701, 92), new Town("Hilversum", 52.2292, 5.1669, 92),
            new Town("Sneek", 53.0330, 5.6589, 40), new Town("Heerlen", 50.8882, 5.9795, 87),
            new Town("Leeuwarden", 53.2012, 5.7999, 125), new Town("Spijkenisse", 51.8450, 4.3290, 85),
            new Town("Hengelo", 52.2659, 6.7931, 81), new Town("Purmerend", 52.5050, 4.9597, 92),
            new Town("Lelystad", 52.5185, 5.4714, 80), new Town("Roosendaal", 51.5308, 4.4653, 77),
            new Town("Schiedam", 51.9192, 4.3886, 80), new Town("Leidschendam", 52.0833, 4.3940, 77),
            new Town("Almelo", 52.3570, 6.6625, 73), new Town("Vlaardingen", 51.9125, 4.3419, 75),
            new Town("Gouda", 52.0115, 4.7105, 74), new Town("Hoorn", 52.6425, 5.0597, 74),
            new Town("Assen", 52.9925, 6.5649, 69), new Town("IJmuiden", 52.4600, 4.6200, 69),
            new Town("Capelle aan den IJssel", 51.9292, 4.5778, 67), new Town("Veenendaal", 52.0286, 5.5589, 67),
            new Town("Katwijk", 52.2000, 4.4167, 66), new Town("Zeist", 52.0894, 5.2312, 66),
            new Town("Nieuwegein", 52.0290, 5.0806, 63), new Town("Roermond", 51.1942, 5.9875, 59),
            new Town("Den Helder", 52.9563, 4.7600, 56), new Town("Doetinchem", 51.9650, 6.2886, 58),
            new Town("Hoogeveen", 52.7228, 6.4764, 56), new Town("Terneuzen", 51.3358, 3.8280, 54),
            new Town("Kampen", 52.5550, 5.9114, 54), new Town("Woerden", 52.0850, 4.8836, 53),
            new Town("Heerhugowaard", 52.6700, 4.8300, 58), new Town("Pijnacker", 52.0194, 4.4292, 57),
            new Town("Barneveld", 52.1400, 5.5850, 60), new Town("Houten", 52.0283, 5.1681, 50),
            new Town("Bussum", 52.2738, 5.1613, 59), new Town("Heerenveen", 52.9600, 5.9200, 51),
            new Town("Weert", 51.2517, 5.7069, 50), new Town("Bergen op Zoom", 51.4950, 4.2917, 68),
            new Town("Zutphen", 52.1383, 6.2014, 48), new Town("Middelburg", 51.4988, 3.6136, 49),
            new Town("Vlissingen", 51.4426, 3.5736, 45), new Town("Goes", 51.5042, 3.8889, 38),
            new Town("Harderwijk", 52.3417, 5.6208, 48), new Town("Oosterhout", 51.6458, 4.8600, 56),
            new Town("Waalwijk", 51.6825, 5.0706, 48), new Town("Rijswijk", 52.0363, 4.3251, 56),
            new Town("Ridderkerk", 51.8700, 4.6000, 47), new Town("Drachten", 53.1050, 6.0983, 56),
            new Town("Tiel", 51.8864, 5.4292, 42), new Town("Wijchen", 51.8092, 5.7250, 41),
            new Town("Culemborg", 51.9550, 5.2278, 30), new Town("Zaltbommel", 51.8100, 5.2500, 30),
            new Town("Gorinchem", 51.8342, 4.9750, 38), new Town("Sliedrecht", 51.8214, 4.7764, 26),
            new Town("Papendrecht", 51.8317, 4.6875, 32), new Town("Hellevoetsluis", 51.8317, 4.1333, 40),
            new Town("Maassluis", 51.9233, 4.2500, 33), new Town("Krimpen aan den IJssel", 51.9167, 4.6000, 29),
            new Town("Barendrecht", 51.8567, 4.5350, 49), new Town("Berkel en Rodenrijs", 51.9930, 4.4780, 64),
            new Town("Waddinxveen", 52.0417, 4.6500, 32), new Town("Bodegraven", 52.0825, 4.7500, 36),
            new Town("Noordwijk", 52.2350, 4.4444, 43), new Town("Lisse", 52.2583, 4.5569, 23),
            new Town("Hillegom", 52.2917, 4.5833, 22), new Town("Heemstede", 52.3500, 4.6167, 27),
            new Town("Beverwijk", 52.4833, 4.6569, 42), new Town("Heemskerk", 52.5100, 4.6700, 39),
            new Town("Castricum", 52.5483, 4.6694, 36), new Town("Schagen", 52.7875, 4.8000, 47),
            new Town("Enkhuizen", 52.7033, 5.2917, 19), new Town("Medemblik", 52.7717, 5.1050, 45),
            new Town("Den Burg", 53.0542, 4.7986, 13), new Town("Volendam", 52.4950, 5.0700, 36),
            new Town("Weesp", 52.3075, 5.0417, 20), new Town("Huizen", 52.2992, 5.2417, 41),
            new Town("Baarn", 52.2117, 5.2875, 25), new Town("Soest", 52.1733, 5.2917, 47),
            new Town("Nijkerk", 52.2200, 5.4861, 45), new Town("Bunschoten", 52.2433, 5.3750, 22),
            new Town("Wageningen", 51.9692, 5.6653, 39), new Town("Oosterbeek", 51.9867, 5.8333, 31),
            new Town("Zevenaar", 51.9300, 6.0708, 44), new Town("Winterswijk", 51.9725, 6.7194, 29),
            new Town("Lochem", 52.1600, 6.4139, 34), new Town("Rijssen", 52.3067, 6.5167, 38),
            new Town("Oldenzaal", 52.3133, 6.9292, 32), new Town("Hardenberg", 52.5750, 6.6194, 61),
            new Town("Coevorden", 52.6617, 6.7403, 35), new Town("Steenwijk", 52.7875, 6.1208, 44),
            new Town("Emmeloord", 52.7108, 5.7486, 48), new Town("Dronten", 52.5250, 5.7181, 42),
            new Town("Raalte", 52.3867, 6.2750, 38), new Town("Epe", 52.3483, 5.9833, 33),
            new Town("Elburg", 52.4475, 5.8333, 23), new Town("Putten", 52.2592, 5.6069, 24),
            new Town("Veendam", 53.1067, 6.8792, 28), new Town("Stadskanaal", 52.9883, 6.9500, 32),
            new Town("Winschoten", 53.1442, 7.0347, 38), new Town("Delfzijl", 53.3300, 6.9181, 34),
            new Town("Appingedam", 53.3217, 6.8583, 12), new Town("Hoogezand", 53.1617, 6.7611, 61),
            new Town("Leek", 53.1617, 6.3750, 20), new Town("Haren", 53.1733, 6.6042, 20),
            new Town("Dokkum", 53.3267, 5.9986, 13), new Town("Franeker", 53.1867, 5.5417, 13),
            new Town("Harlingen", 53.1742, 5.4231, 16), new Town("Bolsward", 53.0650, 5.5306, 10),
            new Town("Joure", 52.9667, 5.8000, 13), new Town("Wolvega", 52.8758, 5.9958, 13),
            new Town("Burgum", 53.1917, 5.9917, 10), new Town("Meppel", 52.6958, 6.1944, 35),
            new Town("Beilen", 52.8617, 6.5139, 33), new Town("Roden", 53.1383, 6.4250, 32),
            new Town("Zuidhorn", 53.2458, 6.4042, 25), new Town("Uden", 51.6608, 5.6194, 42),
            new Town("Veghel", 51.6167, 5.5500, 40), new Town("Boxtel", 51.5908, 5.3292, 31),
            new Town("Best", 51.5075, 5.3903, 31), new Town("Veldhoven", 51.4183, 5.4028, 46),
            new Town("Valkenswaard", 51.3500, 5.4600, 31), new Town("Geldrop", 51.4217, 5.5597, 39),
            new Town("Deurne", 51.4617, 5.7944, 33), new Town("Cuijk", 51.7275, 5.8792, 26),
            new Town("Boxmeer", 51.6467, 5.9472, 15), new Town("Venray", 51.5258, 5.9750, 44),
            new Town("Etten-Leur", 51.5706, 4.6361, 44), new Town("Dongen", 51.6267, 4.9389, 26),
            new Town("Kaatsheuvel", 51.6567, 5.0433, 31), new Town("Vlijmen", 51.6950, 5.2100, 44),
            new Town("Oisterwijk", 51.5792, 5.1889, 33), new Town("Goirle", 51.5208, 5.0667, 24),
            new Town("Kerkrade", 50.8658, 6.0625, 45), new Town("Brunssum", 50.9467, 5.9708, 28),
            new Town("Landgraaf", 50.9067, 6.0297, 37), new Town("Echt", 51.1033, 5.8714, 32),
            new Town("Valkenburg", 50.8650, 5.8317, 16), new Town("Meerssen", 50.8883, 5.7500, 19),
            new Town("Vaals", 50.7700, 6.0167, 10), new Town("Zierikzee", 51.6500, 3.9167, 11),
            new Town("Hulst", 51.2800, 4.0528, 27), new Town("Oostburg", 51.3250, 3.4875, 23),
            new Town("Tholen", 51.5317, 4.2208, 26), new Town("Nijverdal", 52.3617, 6.4639, 36),
            new Town("Haaksbergen", 52.1567, 6.7389, 24), new Town("Borne", 52.3000, 6.7500, 23),
            new Town("Ommen", 52.5217, 6.4208, 18), new Town("Dalfsen", 52.5083, 6.2583, 29),
            new Town("Hattem", 52.4750, 6.0625, 12), new Town("Nunspeet", 52.3783, 5.7861, 28),
            new Town("Ermelo", 52.2992, 5.6208, 27), new Town("IJsselstein", 52.0200, 5.0428, 34),
            new Town("Vianen", 51.9917, 5.0917, 20), new Town("Maarssen", 52.1350, 5.0417, 40),
            new Town("De Bilt", 52.1100, 5.1806, 43), new Town("Breukelen", 52.1717, 5.0008, 15),
            new Town("Mijdrecht", 52.2067, 4.8625, 29), new Town("Uithoorn", 52.2375, 4.8264, 30),
            new Town("Aalsmeer", 52.2625, 4.7625, 33), new Town("Diemen", 52.3400, 4.9625, 32),
            new Town("Zandvoort", 52.3717, 4.5333, 17), new Town("Oegstgeest", 52.1800, 4.4694, 26),
            new Town("Voorschoten", 52.1275, 4.4486, 26), new Town("Wassenaar", 52.1450, 4.4028, 27),
            new Town("Leiderdorp", 52.1583, 4.5292, 28), new Town("Nieuwkoop", 52.1500, 4.7764, 29),
            new Town("Schoonhoven", 51.9475, 4.8486, 13), new Town("Zwijndrecht", 51.8150, 4.6333, 45),
            new Town("Oud-Beijerland", 51.8233, 4.4125, 25), new Town("Brielle", 51.9017, 4.1625, 17),
            new Town("Middelharnis", 51.7567, 4.1694, 19), new Town("Rhenen", 51.9583, 5.5681, 20),
            new Town("Leerdam", 51.8933, 5.0917, 21), new Town("Steenbergen", 51.5833, 4.3194, 25),
            new Town("Oudenbosch", 51.5883, 4.5250, 30), new Town("Zevenbergen", 51.6450, 4.6056, 37),
            new Town("Made", 51.6767, 4.7917, 27), new Town("Geertruidenberg", 51.7017, 4.8569, 22),
            new Town("Zundert", 51.4717, 4.6556, 22), new Town("Hoogerheide", 51.4233, 4.3250, 22),
            new Town("Hardinxveld-Giessendam", 51.8267, 4.8417, 18), new Town("Losser", 52.2600, 7.0042, 23),
            new Town("Tubbergen", 52.4083, 6.7833, 21), new Town("Vriezenveen", 52.4083, 6.6222, 34),
            new Town("Gemert", 51.5550, 5.6889, 31), new Town("Someren", 51.3850, 5.7111, 19),
            new Town("Nuenen", 51.4700, 5.5528, 23), new Town("Panningen", 51.3300, 5.9800, 44),
            new Town("Horst", 51.4542, 6.0511, 43), new Town("Gennep", 51.6983, 5.9736, 17),
            new Town("Druten", 51.8883, 5.6056, 19), new Town("Beuningen", 51.8600, 5.7667, 26),
            new Town("Elst", 51.9192, 5.8486, 48), new Town("Duiven", 51.9467, 6.0167, 26),
            new Town("Didam", 51.9400, 6.1300, 36), new Town("Ulft", 51.8933, 6.3800, 40),
            new Town("Aalten", 51.9250, 6.5806, 27), new Town("Groenlo", 52.0417, 6.6167, 30),
            new Town("Borculo", 52.1158, 6.5222, 44), new Town("Brummen", 52.0917, 6.1556, 21),
            new Town("Twello", 52.2367, 6.1028, 25), new Town("Heerde", 52.3867, 6.0417, 19),
            new Town("Zeewolde", 52.3300, 5.5417, 23), new Town("Urk", 52.6625, 5.6014, 22),
            new Town("Lemmer", 52.8450, 5.7111, 10), new Town("Schiermonnikoog", 53.4800, 6.1600, 1),
            new Town("West-Terschelling", 53.3600, 5.2200, 5), new Town("Nes (Ameland)", 53.4450, 5.7750, 4),
            new Town("Vlieland", 53.2950, 5.0600, 1));

    private static final String[] STREETS = {"Dorpsstraat", "Kerkstraat", "Molenweg", "Schoolstraat", "Stationsweg",
        "Marktplein", "Raadhuisplein", "Julianastraat", "Wilhelminastraat", "Beatrixlaan", "Oranjelaan", "Dijkweg",
        "Sportlaan", "Parkweg", "Brink", "Havenkade"};
    private static final String[] HOURS = {"Bij een crisis dag en nacht open", "Bij stroomuitval 08:00-22:00",
        "Ma-vr 09:00-17:00; bij een crisis 24/7", null, null};
    private static final double[] FACILITY_FREQUENCY = new double[Facility.values().length];

    static {
        FACILITY_FREQUENCY[Facility.INFORMATION.ordinal()] = 0.90;
        FACILITY_FREQUENCY[Facility.DRINKING_WATER.ordinal()] = 0.60;
        FACILITY_FREQUENCY[Facility.CHARGING.ordinal()] = 0.70;
        FACILITY_FREQUENCY[Facility.FIRST_AID.ordinal()] = 0.50;
        FACILITY_FREQUENCY[Facility.SHELTER.ordinal()] = 0.40;
        FACILITY_FREQUENCY[Facility.FOOD.ordinal()] = 0.20;
        FACILITY_FREQUENCY[Facility.SANITARY.ordinal()] = 0.50;
        FACILITY_FREQUENCY[Facility.EMERGENCY_CALL.ordinal()] = 0.30;
        FACILITY_FREQUENCY[Facility.BACKUP_POWER.ordinal()] = 0.15;
        FACILITY_FREQUENCY[Facility.WHEELCHAIR_ACCESSIBLE.ordinal()] = 0.60;
    }

    private final Map<String, String> options;
    private final int k;
    private List<Point> points;
    private Map<Long, Point> byId;
    private double[] latRad;
    private double[] lonRad;
    private double[] cosLat;
    private int[] facilityMask;
    private int[] statusOrdinal;
    private long[] ids;
    private double[] queryLat;
    private double[] queryLon;
    /** The first this many queries are near towns, the rest on the edge of the bounding box. */
    private int nearQueries;

    private PointBenchmark(Map<String, String> options) {
        this.options = options;
        this.k = Integer.parseInt(option("k", "10"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Options are --name=value, not " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        new PointBenchmark(options).run();
    }

    private String option(String name, String fallback) {
        String env = System.getenv("PARAAT_BENCH_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
        return options.getOrDefault(name, env != null && !env.isEmpty() ? env : fallback);
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "-- " + format + "%n", args);
        System.out.flush();
    }

    // ---------------------------------------------------------------------------------------------
    // The run

    private void run() throws Exception {
        int count = Integer.parseInt(option("points", "100000"));
        int nearQueries = Integer.parseInt(option("queries", "1800"));
        int edgeQueries = Integer.parseInt(option("edge-queries", "200"));
        long seed = Long.parseLong(option("seed", "20260214"));

        long started = System.nanoTime();
        points = generate(count, new Random(seed));
        prepareArrays();
        log("generated %,d points around %d towns in %.1f s", points.size(), TOWNS.size(), seconds(started));
        generateQueries(nearQueries, edgeQueries, new Random(seed + 1));

        if (Boolean.parseBoolean(option("index-only", "false"))) {
            runIndexOnly();
            return;
        }
        String mysqlUrl = option("mysql-url",
                "jdbc:mysql://127.0.0.1:3306/paraat_bench?createDatabaseIfNotExist=true&rewriteBatchedStatements=true"
                        + "&useSSL=false&allowPublicKeyRetrieval=true");
        String pgUrl = option("pg-url", "jdbc:postgresql://127.0.0.1:5432/paraat_bench?reWriteBatchedInserts=true");
        try (Connection mysql = DriverManager.getConnection(mysqlUrl, option("mysql-user", "root"), option("mysql-password", ""));
             Connection pg = openPostgres(pgUrl)) {
            if (Boolean.parseBoolean(option("paraat-table", "true"))) {
                loadParaatTable(mysql);
            }
            loadMariaDb(mysql);
            loadPostgis(pg);

            started = System.nanoTime();
            PointIndex index = new PointIndex(points, 1);
            log("built PointIndex (k-d tree) in %d ms", (System.nanoTime() - started) / 1_000_000);

            int backupPower = 1 << Facility.BACKUP_POWER.ordinal();
            Map<String, Integer> filters = new LinkedHashMap<>();
            filters.put("none", 0);
            filters.put("backup-power", backupPower);

            started = System.nanoTime();
            Map<String, List<Found>[]> expected = new LinkedHashMap<>();
            for (Map.Entry<String, Integer> filter : filters.entrySet()) {
                expected.put(filter.getKey(), bruteForce(filter.getValue()));
            }
            log("brute-force reference answers for %,d queries x %d filters in %.1f s", queryLat.length,
                    filters.size(), seconds(started));

            List<Method> methods = List.of(
                    new IndexMethod(index),
                    new MariaDbBoxMethod(mysql),
                    new MariaDbSpatialMethod(mysql),
                    new PostgisKnnMethod(pg));

            int warmup = Integer.parseInt(option("warmup", "300"));
            List<Row> rows = new ArrayList<>();
            for (Map.Entry<String, Integer> filter : filters.entrySet()) {
                for (Method method : methods) {
                    rows.add(measure(method, filter.getKey(), filter.getValue(), expected.get(filter.getKey()), warmup));
                }
            }
            report(rows, methods, filters.keySet(), count, nearQueries, edgeQueries);
        }
    }

    /** The index alone, without databases: --index-only=true. */
    private void runIndexOnly() throws Exception {
        long started = System.nanoTime();
        PointIndex index = new PointIndex(points, 1);
        log("built PointIndex (k-d tree) in %d ms", (System.nanoTime() - started) / 1_000_000);
        Map<String, Integer> filters = new LinkedHashMap<>();
        filters.put("none", 0);
        filters.put("backup-power", 1 << Facility.BACKUP_POWER.ordinal());
        List<Row> rows = new ArrayList<>();
        List<Method> methods = List.of(new IndexMethod(index));
        for (Map.Entry<String, Integer> filter : filters.entrySet()) {
            rows.add(measure(methods.get(0), filter.getKey(), filter.getValue(), bruteForce(filter.getValue()),
                    Integer.parseInt(option("warmup", "300"))));
        }
        report(rows, methods, filters.keySet(), points.size(), nearQueries, queryLat.length - nearQueries);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    // ---------------------------------------------------------------------------------------------
    // Synthetic points

    /** Puts points on land in the Netherlands: the municipality boundaries Paraat ships decide. */
    private static RegionService regions() throws ReflectiveOperationException {
        Class<?> configurationType = Class.forName("nl.paraat.region.RegionConfiguration");
        Constructor<?> configuration = configurationType.getDeclaredConstructor(int.class);
        configuration.setAccessible(true);
        Constructor<RegionService> service = RegionService.class.getDeclaredConstructor(JsonMapper.class, configurationType);
        service.setAccessible(true);
        // No tolerance: a point in the sea is drawn again rather than moved to the nearest coast.
        return service.newInstance(JsonMapper.createDefault(), configuration.newInstance(0));
    }

    private static double sigmaKm(Town town) {
        return 0.8 + 0.12 * Math.sqrt(town.thousands());
    }

    private static Town pickTown(Random random, double[] cumulative) {
        int i = Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]);
        return TOWNS.get(Math.min(i < 0 ? -i - 1 : i, TOWNS.size() - 1));
    }

    /** Resilience points follow people less than linearly: small places have relatively more. */
    private static double[] cumulativeWeights() {
        double[] cumulative = new double[TOWNS.size()];
        double sum = 0;
        for (int i = 0; i < TOWNS.size(); i++) {
            sum += Math.pow(TOWNS.get(i).thousands(), 0.8);
            cumulative[i] = sum;
        }
        return cumulative;
    }

    private static double[] around(Random random, Town town, double sigmaKm) {
        double lat = town.lat() + random.nextGaussian() * sigmaKm / 111.2;
        double lon = town.lon() + random.nextGaussian() * sigmaKm / (111.2 * Math.cos(Math.toRadians(town.lat())));
        return new double[] {Math.round(lat * 1e6) / 1e6, Math.round(lon * 1e6) / 1e6};
    }

    private List<Point> generate(int count, Random random) throws ReflectiveOperationException {
        RegionService regions = regions();
        double[] cumulative = cumulativeWeights();
        PointType[] types = PointType.values();
        Instant now = Instant.parse("2026-02-01T12:00:00Z");
        List<Point> generated = new ArrayList<>(count);
        Map<String, Integer> perTown = new HashMap<>();
        int rejected = 0;
        while (generated.size() < count) {
            long id = generated.size() + 1;
            Town town = pickTown(random, cumulative);
            double lat;
            double lon;
            String municipality;
            if (!generated.isEmpty() && random.nextDouble() < 0.01) {
                // A second point in the same building: equal coordinates, so ties by distance occur.
                Point same = generated.get(random.nextInt(generated.size()));
                lat = same.latitude();
                lon = same.longitude();
                municipality = same.municipality();
            } else {
                // Most points in and around the town, some in the villages of its surroundings.
                double sigma = random.nextDouble() < 0.85 ? sigmaKm(town) : 6 + random.nextDouble() * 6;
                double[] position = around(random, town, sigma);
                lat = position[0];
                lon = position[1];
                if (lat < MIN_LAT || lat > MAX_LAT || lon < MIN_LON || lon > MAX_LON) {
                    rejected++;
                    continue;
                }
                Optional<Location> location = regions.locate(lat, lon);
                if (location.isEmpty()) {
                    rejected++;
                    continue;
                }
                municipality = location.get().municipality().code();
            }
            Set<Facility> facilities = EnumSet.noneOf(Facility.class);
            for (Facility facility : Facility.values()) {
                if (random.nextDouble() < FACILITY_FREQUENCY[facility.ordinal()]) {
                    facilities.add(facility);
                }
            }
            double s = random.nextDouble();
            PointStatus status = s < 0.70 ? PointStatus.STANDBY : s < 0.92 ? PointStatus.ACTIVE
                    : s < 0.96 ? PointStatus.PLANNED : PointStatus.CLOSED;
            PointType type = types[random.nextInt(types.length)];
            int number = perTown.merge(town.name(), 1, Integer::sum);
            String name = "Noodsteunpunt " + town.name() + " " + number;
            String address = STREETS[random.nextInt(STREETS.length)] + " " + (1 + random.nextInt(180));
            String postalCode = String.format(Locale.ROOT, "%04d %c%c", 1000 + random.nextInt(9000),
                    (char) ('A' + random.nextInt(26)), (char) ('A' + random.nextInt(26)));
            Integer capacity = random.nextDouble() < 0.8 ? 20 + random.nextInt(481) : null;
            Instant statusSince = now.minus(random.nextInt(400), ChronoUnit.DAYS);
            Instant confirmed = random.nextDouble() < 0.7 ? now.minus(random.nextInt(120), ChronoUnit.DAYS) : null;
            generated.add(new Point(id, "bench-" + id, name, type, address, postalCode, town.name(), municipality,
                    lat, lon, List.copyOf(facilities), capacity, HOURS[random.nextInt(HOURS.length)], status,
                    statusSince, null, null, confirmed, municipality, now));
        }
        log("(%,d draws outside the Netherlands or its bounding box were drawn again)", rejected);
        return generated;
    }

    private void prepareArrays() {
        int n = points.size();
        latRad = new double[n];
        lonRad = new double[n];
        cosLat = new double[n];
        facilityMask = new int[n];
        statusOrdinal = new int[n];
        ids = new long[n];
        byId = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            Point point = points.get(i);
            latRad[i] = Math.toRadians(point.latitude());
            lonRad[i] = Math.toRadians(point.longitude());
            cosLat[i] = Math.cos(latRad[i]);
            facilityMask[i] = Facility.mask(point.facilities());
            statusOrdinal[i] = point.status().ordinal();
            ids[i] = point.id();
            byId.put(point.id(), point);
        }
    }

    /** Query locations near the towns, where people are, and on the edge of the country's bounding box. */
    private void generateQueries(int near, int edge, Random random) {
        double[] cumulative = cumulativeWeights();
        nearQueries = near;
        queryLat = new double[near + edge];
        queryLon = new double[near + edge];
        for (int i = 0; i < near; i++) {
            Town town = pickTown(random, cumulative);
            double[] position = around(random, town, 1.5 * sigmaKm(town));
            queryLat[i] = Math.min(MAX_LAT, Math.max(MIN_LAT, position[0]));
            queryLon[i] = Math.min(MAX_LON, Math.max(MIN_LON, position[1]));
        }
        for (int i = near; i < near + edge; i++) {
            double t = random.nextDouble();
            switch (random.nextInt(4)) {
                case 0 -> { queryLat[i] = MIN_LAT; queryLon[i] = MIN_LON + t * (MAX_LON - MIN_LON); }
                case 1 -> { queryLat[i] = MAX_LAT; queryLon[i] = MIN_LON + t * (MAX_LON - MIN_LON); }
                case 2 -> { queryLon[i] = MIN_LON; queryLat[i] = MIN_LAT + t * (MAX_LAT - MIN_LAT); }
                default -> { queryLon[i] = MAX_LON; queryLat[i] = MIN_LAT + t * (MAX_LAT - MIN_LAT); }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Loading the databases

    private Connection openPostgres(String url) throws SQLException {
        String user = option("pg-user", "postgres");
        String password = option("pg-password", "");
        String database = url.replaceFirst("^jdbc:postgresql://[^/]*/", "").replaceFirst("[?].*$", "");
        String admin = url.replaceFirst("(^jdbc:postgresql://[^/]*/)[^?]*", "$1postgres");
        try (Connection connection = DriverManager.getConnection(admin, user, password);
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("CREATE DATABASE \"" + database.replace("\"", "") + "\"");
                    }
                }
            }
        }
        return DriverManager.getConnection(url, user, password);
    }

    /** Replaces Paraat's own points with the generated ones, ids included, in one transaction. */
    private void loadParaatTable(Connection mysql) throws SQLException {
        try (ResultSet tables = mysql.getMetaData().getTables(mysql.getCatalog(), null, "resilience_point", null)) {
            if (!tables.next()) {
                log("no resilience_point table in %s: start Paraat once against this database so that Liquibase "
                        + "creates it; skipping Paraat's own table", mysql.getCatalog());
                return;
            }
        }
        long started = System.nanoTime();
        mysql.setAutoCommit(false);
        try (Statement statement = mysql.createStatement();
             PreparedStatement insert = mysql.prepareStatement("INSERT INTO resilience_point (id, owner, external_id, "
                     + "name, type, address, postal_code, city, municipality, latitude, longitude, facilities, capacity, "
                     + "opening_hours, status, status_since, status_until, status_note, last_confirmed_at, created_at, "
                     + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            statement.executeUpdate("DELETE FROM point_status_change");
            statement.executeUpdate("DELETE FROM resilience_point");
            int batched = 0;
            for (Point p : points) {
                insert.setLong(1, p.id());
                insert.setString(2, p.owner());
                insert.setString(3, p.externalId());
                insert.setString(4, p.name());
                insert.setString(5, p.type().name());
                insert.setString(6, p.address());
                insert.setString(7, p.postalCode());
                insert.setString(8, p.city());
                insert.setString(9, p.municipality());
                insert.setDouble(10, p.latitude());
                insert.setDouble(11, p.longitude());
                insert.setString(12, Facility.encode(p.facilities()));
                insert.setObject(13, p.capacity());
                insert.setString(14, p.openingHours());
                insert.setString(15, p.status().name());
                insert.setTimestamp(16, timestamp(p.statusSince()));
                insert.setTimestamp(17, timestamp(p.statusUntil()));
                insert.setString(18, p.statusNote());
                insert.setTimestamp(19, timestamp(p.lastConfirmedAt()));
                insert.setTimestamp(20, timestamp(p.updatedAt()));
                insert.setTimestamp(21, timestamp(p.updatedAt()));
                insert.addBatch();
                if (++batched % 5_000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            statement.executeUpdate("UPDATE point_index_version SET version = version + 1, changed_at = CURRENT_TIMESTAMP "
                    + "WHERE id = 1");
            mysql.commit();
            long version;
            try (ResultSet rs = statement.executeQuery("SELECT version FROM point_index_version WHERE id = 1")) {
                rs.next();
                version = rs.getLong(1);
            }
            log("replaced Paraat's resilience_point rows with the %,d points and set point_index_version to %d in %.1f s",
                    points.size(), version, seconds(started));
        } catch (SQLException e) {
            mysql.rollback();
            throw e;
        } finally {
            mysql.setAutoCommit(true);
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private void loadMariaDb(Connection mysql) throws SQLException {
        long started = System.nanoTime();
        try (Statement statement = mysql.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_point_plain, bench_point_spatial");
            statement.execute("CREATE TABLE bench_point_plain (id BIGINT NOT NULL PRIMARY KEY, latitude DOUBLE NOT NULL, "
                    + "longitude DOUBLE NOT NULL, facilities INT NOT NULL, status TINYINT NOT NULL, "
                    + "INDEX ix_bench_point_plain_position (latitude, longitude)) ENGINE=InnoDB");
            statement.execute("CREATE TABLE bench_point_spatial (id BIGINT NOT NULL PRIMARY KEY, "
                    + "geom POINT REF_SYSTEM_ID=4326 NOT NULL, facilities INT NOT NULL, status TINYINT NOT NULL, "
                    + "SPATIAL INDEX ix_bench_point_spatial_geom (geom)) ENGINE=InnoDB");
        }
        mysql.setAutoCommit(false);
        try (PreparedStatement plain = mysql.prepareStatement("INSERT INTO bench_point_plain VALUES (?, ?, ?, ?, ?)");
             PreparedStatement spatial = mysql.prepareStatement(
                     "INSERT INTO bench_point_spatial VALUES (?, ST_PointFromText(?, 4326), ?, ?)")) {
            for (int i = 0; i < points.size(); i++) {
                Point p = points.get(i);
                plain.setLong(1, p.id());
                plain.setDouble(2, p.latitude());
                plain.setDouble(3, p.longitude());
                plain.setInt(4, facilityMask[i]);
                plain.setInt(5, statusOrdinal[i]);
                plain.addBatch();
                spatial.setLong(1, p.id());
                spatial.setString(2, "POINT(" + p.longitude() + " " + p.latitude() + ")");
                spatial.setInt(3, facilityMask[i]);
                spatial.setInt(4, statusOrdinal[i]);
                spatial.addBatch();
                if ((i + 1) % 5_000 == 0) {
                    plain.executeBatch();
                    spatial.executeBatch();
                }
            }
            plain.executeBatch();
            spatial.executeBatch();
            mysql.commit();
        } finally {
            mysql.setAutoCommit(true);
        }
        try (Statement statement = mysql.createStatement()) {
            statement.execute("ANALYZE TABLE bench_point_plain, bench_point_spatial");
        }
        log("loaded MariaDB bench_point_plain and bench_point_spatial in %.1f s", seconds(started));
    }

    private void loadPostgis(Connection pg) throws SQLException {
        long started = System.nanoTime();
        try (Statement statement = pg.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS postgis");
            statement.execute("DROP TABLE IF EXISTS bench_point");
            statement.execute("CREATE TABLE bench_point (id BIGINT PRIMARY KEY, geog geography(Point, 4326) NOT NULL, "
                    + "facilities INT NOT NULL, status SMALLINT NOT NULL)");
        }
        pg.setAutoCommit(false);
        try (PreparedStatement insert = pg.prepareStatement(
                "INSERT INTO bench_point VALUES (?, ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography, ?, ?)")) {
            for (int i = 0; i < points.size(); i++) {
                Point p = points.get(i);
                insert.setLong(1, p.id());
                insert.setDouble(2, p.longitude());
                insert.setDouble(3, p.latitude());
                insert.setInt(4, facilityMask[i]);
                insert.setInt(5, statusOrdinal[i]);
                insert.addBatch();
                if ((i + 1) % 5_000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            pg.commit();
        } finally {
            pg.setAutoCommit(true);
        }
        try (Statement statement = pg.createStatement()) {
            statement.execute("CREATE INDEX ix_bench_point_geog ON bench_point USING GIST (geog)");
            statement.execute("VACUUM ANALYZE bench_point");
        }
        log("loaded PostGIS bench_point (GiST on geography) in %.1f s", seconds(started));
    }

    // ---------------------------------------------------------------------------------------------
    // Reference answers and checking

    record Found(long id, double metres) {
    }

    /**
     * The haversine term exactly as {@link PointIndex} computes it (a quarter of the squared chord
     * between unit vectors), so that even ties come out the same.
     */
    private double haversine(double qLat, double qLon, double qCos, int i) {
        double dx = cosLat[i] * Math.cos(lonRad[i]) - qCos * Math.cos(qLon);
        double dy = cosLat[i] * Math.sin(lonRad[i]) - qCos * Math.sin(qLon);
        double dz = Math.sin(latRad[i]) - Math.sin(qLat);
        return (dx * dx + dy * dy + dz * dz) / 4;
    }

    private double metres(double latitude, double longitude, long id) {
        Point p = byId.get(id);
        return GeoMath.distanceMetres(latitude, longitude, p.latitude(), p.longitude());
    }

    @SuppressWarnings("unchecked")
    private List<Found>[] bruteForce(int requiredFacilities) {
        List<Found>[] answers = new List[queryLat.length];
        IntStream.range(0, queryLat.length).parallel().forEach(q -> {
            double qLat = Math.toRadians(queryLat[q]);
            double qLon = Math.toRadians(queryLon[q]);
            double qCos = Math.cos(qLat);
            double[] bestH = new double[k];
            int[] best = new int[k];
            int found = 0;
            for (int i = 0; i < ids.length; i++) {
                if ((STATUS_MASK & (1 << statusOrdinal[i])) == 0 || (facilityMask[i] & requiredFacilities) != requiredFacilities) {
                    continue;
                }
                double h = haversine(qLat, qLon, qCos, i);
                if (found == k && !(h < bestH[k - 1] || (h == bestH[k - 1] && ids[i] < ids[best[k - 1]]))) {
                    continue;
                }
                int position = Math.min(found, k - 1);
                while (position > 0 && (h < bestH[position - 1] || (h == bestH[position - 1] && ids[i] < ids[best[position - 1]]))) {
                    bestH[position] = bestH[position - 1];
                    best[position] = best[position - 1];
                    position--;
                }
                bestH[position] = h;
                best[position] = i;
                found = Math.min(found + 1, k);
            }
            List<Found> answer = new ArrayList<>(found);
            for (int j = 0; j < found; j++) {
                answer.add(new Found(ids[best[j]], PointIndex.distanceOfHaversine(bestH[j])));
            }
            answers[q] = answer;
        });
        return answers;
    }

    /**
     * An answer is right when it has as many points as the reference, each distinct and passing the
     * filter, and the point at every position is as far as the reference's point there (so equally far
     * points may come in either order, and either of two equally far points may be the k-th), with the
     * distance it reports close to the great-circle one.
     */
    private String check(int q, List<Found> expected, List<Found> actual, int requiredFacilities) {
        if (actual.size() != expected.size()) {
            return actual.size() + " results instead of " + expected.size();
        }
        Set<Long> seen = new java.util.HashSet<>();
        for (int i = 0; i < actual.size(); i++) {
            Found found = actual.get(i);
            Point point = byId.get(found.id());
            if (point == null || !seen.add(found.id())) {
                return "unknown or repeated id " + found.id();
            }
            int mask = Facility.mask(point.facilities());
            if ((STATUS_MASK & (1 << point.status().ordinal())) == 0 || (mask & requiredFacilities) != requiredFacilities) {
                return "id " + found.id() + " does not pass the filter";
            }
            double truth = metres(queryLat[q], queryLon[q], found.id());
            double wanted = metres(queryLat[q], queryLon[q], expected.get(i).id());
            if (Math.abs(truth - wanted) > TIE_METRES) {
                return String.format(Locale.ROOT, "position %d: id %d at %.6f m where id %d at %.6f m was expected",
                        i + 1, found.id(), truth, expected.get(i).id(), wanted);
            }
            if (Math.abs(found.metres() - truth) > DISTANCE_TOLERANCE_METRES) {
                return String.format(Locale.ROOT, "position %d: id %d reported at %.3f m, is %.3f m", i + 1, found.id(),
                        found.metres(), truth);
            }
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------
    // The four methods

    interface Method {
        String name();

        List<Found> nearest(double latitude, double longitude, int k, int requiredFacilities) throws SQLException;

        /** Database round trips of the last call. */
        default int rounds() {
            return 1;
        }
    }

    private static final class IndexMethod implements Method {
        private final PointIndex index;

        IndexMethod(PointIndex index) {
            this.index = index;
        }

        @Override
        public String name() {
            return "Paraat PointIndex (memory)";
        }

        @Override
        public int rounds() {
            return 0;
        }

        @Override
        public List<Found> nearest(double latitude, double longitude, int k, int requiredFacilities) {
            List<PointIndex.Hit> hits = index.nearest(latitude, longitude, k, requiredFacilities, STATUS_MASK,
                    Double.POSITIVE_INFINITY);
            List<Found> found = new ArrayList<>(hits.size());
            for (PointIndex.Hit hit : hits) {
                found.add(new Found(hit.point().id(), hit.distanceMetres()));
            }
            return found;
        }
    }

    /**
     * A box around the query that holds every point within {@code radius}; when the k-th nearest point
     * found in it is no farther than the radius, no point outside can be nearer, else the radius doubles.
     */
    private abstract static class BoxMethod implements Method {
        private final PreparedStatement statement;
        private int rounds;

        BoxMethod(Connection connection, String sql) throws SQLException {
            this.statement = connection.prepareStatement(sql);
        }

        abstract void bind(PreparedStatement statement, double latitude, double longitude, double south, double north,
                           double west, double east, int requiredFacilities, int k) throws SQLException;

        @Override
        public int rounds() {
            return rounds;
        }

        @Override
        public List<Found> nearest(double latitude, double longitude, int k, int requiredFacilities) throws SQLException {
            double radius = 2_000;
            rounds = 0;
            while (true) {
                rounds++;
                double latDelta = Math.toDegrees(radius / GeoMath.EARTH_RADIUS_METRES);
                double farthestLat = Math.min(89, Math.abs(latitude) + latDelta);
                double lonDelta = Math.min(180, latDelta / Math.cos(Math.toRadians(farthestLat)));
                bind(statement, latitude, longitude, latitude - latDelta, latitude + latDelta, longitude - lonDelta,
                        longitude + lonDelta, requiredFacilities, k);
                List<Found> found = new ArrayList<>(k);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        found.add(new Found(rs.getLong(1), rs.getDouble(2)));
                    }
                }
                if ((found.size() == k && found.get(k - 1).metres() <= radius) || radius >= MAX_RADIUS_METRES) {
                    return found;
                }
                radius = Math.min(radius * 2, MAX_RADIUS_METRES);
            }
        }
    }

    private static final class MariaDbBoxMethod extends BoxMethod {
        MariaDbBoxMethod(Connection connection) throws SQLException {
            super(connection, "SELECT id, ST_Distance_Sphere(POINT(longitude, latitude), POINT(?, ?), "
                    + GeoMath.EARTH_RADIUS_METRES + ") AS d FROM bench_point_plain "
                    + "WHERE latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ? AND status IN " + STATUS_SQL
                    + " AND (facilities & ?) = ? ORDER BY d, id LIMIT ?");
        }

        @Override
        public String name() {
            return "MariaDB lat/lon B-tree box";
        }

        @Override
        void bind(PreparedStatement s, double latitude, double longitude, double south, double north, double west,
                  double east, int requiredFacilities, int k) throws SQLException {
            s.setDouble(1, longitude);
            s.setDouble(2, latitude);
            s.setDouble(3, south);
            s.setDouble(4, north);
            s.setDouble(5, west);
            s.setDouble(6, east);
            s.setInt(7, requiredFacilities);
            s.setInt(8, requiredFacilities);
            s.setInt(9, k);
        }
    }

    private static final class MariaDbSpatialMethod extends BoxMethod {
        MariaDbSpatialMethod(Connection connection) throws SQLException {
            super(connection, "SELECT id, ST_Distance_Sphere(geom, POINT(?, ?), " + GeoMath.EARTH_RADIUS_METRES
                    + ") AS d FROM bench_point_spatial WHERE MBRContains(ST_GeomFromText(?, 4326), geom) AND status IN "
                    + STATUS_SQL + " AND (facilities & ?) = ? ORDER BY d, id LIMIT ?");
        }

        @Override
        public String name() {
            return "MariaDB SPATIAL MBRContains";
        }

        @Override
        void bind(PreparedStatement s, double latitude, double longitude, double south, double north, double west,
                  double east, int requiredFacilities, int k) throws SQLException {
            s.setDouble(1, longitude);
            s.setDouble(2, latitude);
            s.setString(3, "POLYGON((" + west + " " + south + "," + east + " " + south + "," + east + " " + north + ","
                    + west + " " + north + "," + west + " " + south + "))");
            s.setInt(4, requiredFacilities);
            s.setInt(5, requiredFacilities);
            s.setInt(6, k);
        }
    }

    /** KNN on the GiST index; for geography the {@code <->} distance is on the sphere, as Paraat's. */
    private static final class PostgisKnnMethod implements Method {
        private final PreparedStatement statement;

        PostgisKnnMethod(Connection connection) throws SQLException {
            this.statement = connection.prepareStatement("SELECT id, geog <-> q.p AS d FROM bench_point, "
                    + "(SELECT ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography AS p) AS q "
                    + "WHERE status IN " + STATUS_SQL + " AND (facilities & ?) = ? ORDER BY geog <-> q.p LIMIT ?");
        }

        @Override
        public String name() {
            return "PostGIS geography KNN <->";
        }

        @Override
        public List<Found> nearest(double latitude, double longitude, int k, int requiredFacilities) throws SQLException {
            statement.setDouble(1, longitude);
            statement.setDouble(2, latitude);
            statement.setInt(3, requiredFacilities);
            statement.setInt(4, requiredFacilities);
            statement.setInt(5, k);
            List<Found> found = new ArrayList<>(k);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    found.add(new Found(rs.getLong(1), rs.getDouble(2)));
                }
            }
            return found;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Measuring and reporting

    private record Row(String method, String filter, double p50, double p99, double mean, double max, double p99Towns,
                       double p99Edge, int mismatches, double rounds, List<String> examples) {
    }

    private Row measure(Method method, String filterName, int requiredFacilities, List<Found>[] expected, int warmup)
            throws SQLException {
        int n = queryLat.length;
        // Warm-up: JIT, connection and buffer pool. The in-memory index is cheap, so it gets whole passes.
        int warmupQueries = method instanceof IndexMethod ? 5 * n : Math.min(warmup, n);
        for (int i = 0; i < warmupQueries; i++) {
            int q = (i * 7919) % n;
            method.nearest(queryLat[q], queryLon[q], k, requiredFacilities);
        }
        long[] nanos = new long[n];
        long rounds = 0;
        List<List<Found>> answers = new ArrayList<>(n);
        for (int q = 0; q < n; q++) {
            long started = System.nanoTime();
            List<Found> answer = method.nearest(queryLat[q], queryLon[q], k, requiredFacilities);
            nanos[q] = System.nanoTime() - started;
            rounds += method.rounds();
            answers.add(answer);
        }
        int mismatches = 0;
        List<String> examples = new ArrayList<>();
        for (int q = 0; q < n; q++) {
            String problem = check(q, expected[q], answers.get(q), requiredFacilities);
            if (method instanceof IndexMethod && problem == null && !ids(expected[q]).equals(ids(answers.get(q)))) {
                problem = "ids not in the brute-force order (ties by id): " + ids(answers.get(q)) + " vs " + ids(expected[q]);
            }
            if (problem != null) {
                mismatches++;
                if (examples.size() < 3) {
                    examples.add(String.format(Locale.ROOT, "query %.6f,%.6f: %s", queryLat[q], queryLon[q], problem));
                }
            }
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(nanos).average().orElse(0) / 1000;
        long[] towns = Arrays.copyOfRange(nanos, 0, nearQueries);
        long[] edge = Arrays.copyOfRange(nanos, nearQueries, n);
        Arrays.sort(towns);
        Arrays.sort(edge);
        Row row = new Row(method.name(), filterName, percentile(sorted, 0.50), percentile(sorted, 0.99), mean,
                sorted[n - 1] / 1000.0, percentile(towns, 0.99), percentile(edge, 0.99), mismatches,
                (double) rounds / n, examples);
        log("measured %-28s filter %-12s p50 %9.1f us  p99 %9.1f us  mismatches %d", row.method(), filterName, row.p50(),
                row.p99(), mismatches);
        return row;
    }

    private static List<Long> ids(List<Found> found) {
        return found.stream().map(Found::id).toList();
    }

    private static double percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(fraction * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
    }

    private void report(List<Row> rows, List<Method> methods, Set<String> filters, int count, int near, int edge) {
        System.out.println();
        System.out.printf(Locale.ROOT, "Nearest %d of %,d points (statuses standby+active), %,d queries: %,d near towns, "
                + "%,d on the edge of the bounding box%n", k, count, near + edge, near, edge);
        System.out.println("Latency per query in microseconds, one client thread, after warm-up; the database methods "
                + "include the JDBC round trip(s).");
        System.out.println("Mismatches: answers that differ from a brute-force scan (equal distances may swap; "
                + "reported distances within " + DISTANCE_TOLERANCE_METRES + " m).");
        System.out.println();
        String format = "%-28s %-12s %9s %9s %9s %9s %11s %11s %6s %10s%n";
        System.out.printf(Locale.ROOT, format, "method", "filter", "p50 us", "p99 us", "mean us", "max us",
                "p99 towns", "p99 edge", "rounds", "mismatches");
        System.out.println("-".repeat(126));
        for (String filter : filters) {
            for (Row row : rows) {
                if (row.filter().equals(filter)) {
                    System.out.printf(Locale.ROOT, format, row.method(), filter, fmt(row.p50()), fmt(row.p99()),
                            fmt(row.mean()), fmt(row.max()), fmt(row.p99Towns()), fmt(row.p99Edge()),
                            String.format(Locale.ROOT, "%.2f", row.rounds()), row.mismatches());
                }
            }
        }
        System.out.println();
        System.out.println("p99 (and p50) of each database method relative to Paraat's index:");
        Function<String, Row> indexRow = filter -> rows.stream()
                .filter(r -> r.filter().equals(filter) && r.method().equals(methods.get(0).name())).findFirst().orElseThrow();
        for (String filter : filters) {
            Row index = indexRow.apply(filter);
            for (Row row : rows) {
                if (row.filter().equals(filter) && row != index) {
                    System.out.printf(Locale.ROOT, "  %-29s %-13s p99 x %8.1f   p50 x %8.1f%n", row.method(), filter,
                            row.p99() / index.p99(), row.p50() / index.p50());
                }
            }
        }
        for (Row row : rows) {
            for (String example : row.examples()) {
                System.out.println("mismatch " + row.method() + " [" + row.filter() + "]: " + example);
            }
        }
        System.out.println("(p99 towns / p99 edge: the queries near towns / on the edge of the bounding box only; rounds: "
                + "database queries per search, the box methods widen 2 km, 4 km, ... until exact)");
    }

    private static String fmt(double micros) {
        return String.format(Locale.ROOT, micros >= 100 ? "%.0f" : "%.1f", micros);
    }
}
