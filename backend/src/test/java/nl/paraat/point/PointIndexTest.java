package nl.paraat.point;

import nl.paraat.common.GeoMath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The grid index answers exactly what a scan of every point, sorted by distance and id, answers. */
class PointIndexTest {

    private static final int ALL_STATUSES = 0b1111;
    private static final double NO_LIMIT = Double.POSITIVE_INFINITY;

    @Test
    void nearestMatchesBruteForceOnRandomData() {
        Random random = new Random(42);
        List<Point> points = randomPoints(random, 5_000);
        PointIndex index = new PointIndex(points, 1);

        for (int q = 0; q < 2_000; q++) {
            double lat = 50.6 + random.nextDouble() * 3.1;
            double lon = 3.1 + random.nextDouble() * 4.3;
            int k = 1 + random.nextInt(20);
            int facilities = random.nextInt(4) == 0 ? 1 << random.nextInt(Facility.values().length) : 0;
            int statuses = random.nextBoolean() ? ALL_STATUSES : statusMask(PointStatus.STANDBY, PointStatus.ACTIVE);
            double max = random.nextInt(5) == 0 ? 1_000 + random.nextDouble() * 20_000 : NO_LIMIT;

            assertSame(index.nearest(lat, lon, k, facilities, statuses, max),
                    bruteForce(points, lat, lon, k, facilities, statuses, max), lat, lon);
        }
    }

    @Test
    void queriesOnALatticeOfRoundCoordinatesAreExact() {
        Random random = new Random(7);
        List<Point> points = randomPoints(random, 3_000);
        double cellLat = 0.02;
        double cellLon = 0.03;
        PointIndex index = new PointIndex(points, 1);

        for (int i = 0; i < 500; i++) {
            double lat = 50.5 + (10 + random.nextInt(140)) * cellLat;
            double lon = 3.0 + (10 + random.nextInt(130)) * cellLon;
            double nudge = random.nextInt(3) - 1;
            lat += nudge * 1e-12;
            assertSame(index.nearest(lat, lon, 10, 0, ALL_STATUSES, NO_LIMIT),
                    bruteForce(points, lat, lon, 10, 0, ALL_STATUSES, NO_LIMIT), lat, lon);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "53.55, 6.90", "50.76, 5.95", "51.37, 3.36", "52.40, 7.22",
            "53.80, 7.50", "50.50, 3.00", "48.85, 2.35", "55.00, 10.00", "-33.9, 151.2"
    })
    void queriesAtAndBeyondTheEdgeOfTheCountryAreExact(double lat, double lon) {
        List<Point> points = randomPoints(new Random(3), 2_000);
        PointIndex index = new PointIndex(points, 1);

        assertSame(index.nearest(lat, lon, 10, 0, ALL_STATUSES, NO_LIMIT),
                bruteForce(points, lat, lon, 10, 0, ALL_STATUSES, NO_LIMIT), lat, lon);
    }

    @Test
    void equalDistancesAreOrderedById() {
        List<Point> points = new ArrayList<>();
        for (long id = 20; id >= 1; id--) {
            points.add(point(id, 52.1, 5.1, EnumSet.of(Facility.INFORMATION), PointStatus.STANDBY));
        }
        points.add(point(100, 52.1 + 0.001, 5.1, EnumSet.noneOf(Facility.class), PointStatus.STANDBY));
        points.add(point(101, 52.1 - 0.001, 5.1, EnumSet.noneOf(Facility.class), PointStatus.STANDBY));
        PointIndex index = new PointIndex(points, 1);

        List<PointIndex.Hit> hits = index.nearest(52.1, 5.1, 5, 0, ALL_STATUSES, NO_LIMIT);
        assertThat(hits).extracting(hit -> hit.point().id()).containsExactly(1L, 2L, 3L, 4L, 5L);
        List<PointIndex.Hit> ring = index.nearest(52.1, 5.1, 22, 0, ALL_STATUSES, NO_LIMIT);
        assertThat(ring.subList(20, 22)).extracting(hit -> hit.point().id()).containsExactlyInAnyOrder(100L, 101L);
        assertSame(ring, bruteForce(points, 52.1, 5.1, 22, 0, ALL_STATUSES, NO_LIMIT), 52.1, 5.1);
    }

    @Test
    void filtersThatMatchNothingGiveNothing() {
        List<Point> points = List.of(
                point(1, 52.0, 5.0, EnumSet.of(Facility.INFORMATION), PointStatus.STANDBY),
                point(2, 52.1, 5.1, EnumSet.of(Facility.DRINKING_WATER), PointStatus.PLANNED));
        PointIndex index = new PointIndex(points, 1);

        assertThat(index.nearest(52.0, 5.0, 10, Facility.mask(Set.of(Facility.BACKUP_POWER)), ALL_STATUSES, NO_LIMIT)).isEmpty();
        assertThat(index.nearest(52.0, 5.0, 10, 0, statusMask(PointStatus.ACTIVE), NO_LIMIT)).isEmpty();
        assertThat(index.nearest(52.0, 5.0, 10, Facility.mask(Set.of(Facility.DRINKING_WATER)),
                statusMask(PointStatus.STANDBY, PointStatus.ACTIVE), NO_LIMIT)).isEmpty();
        assertThat(new PointIndex(List.of(), 1).nearest(52.0, 5.0, 10, 0, ALL_STATUSES, NO_LIMIT)).isEmpty();
    }

    @Test
    void maximumDistanceIsRespected() {
        List<Point> points = List.of(
                point(1, 52.0, 5.0, EnumSet.noneOf(Facility.class), PointStatus.ACTIVE),
                point(2, 52.05, 5.0, EnumSet.noneOf(Facility.class), PointStatus.ACTIVE));
        PointIndex index = new PointIndex(points, 1);

        List<PointIndex.Hit> hits = index.nearest(52.0, 5.0, 10, 0, ALL_STATUSES, 5_000);

        assertThat(hits).extracting(hit -> hit.point().id()).containsExactly(1L);
        assertThat(hits.get(0).distanceMetres()).isLessThan(0.001);
    }

    /** Points and queries beyond the Netherlands are answered as exactly as those inside it. */
    @Test
    void findsAPointOutsideTheCountryFromOutsideTheCountry() {
        List<Point> points = List.of(point(1, 52.0, 8.0, EnumSet.noneOf(Facility.class), PointStatus.STANDBY),
                point(2, 52.0, 7.0, EnumSet.noneOf(Facility.class), PointStatus.STANDBY));
        PointIndex index = new PointIndex(points, 1);

        List<PointIndex.Hit> hits = index.nearest(52.0, 9.0, 10, 0, ALL_STATUSES, 100_000);

        assertThat(hits).extracting(hit -> hit.point().id()).containsExactly(1L);
        assertThat(hits.get(0).distanceMetres()).isCloseTo(GeoMath.distanceMetres(52.0, 9.0, 52.0, 8.0),
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(index.nearest(52.0, 9.0, 10, 0, ALL_STATUSES, NO_LIMIT)).extracting(hit -> hit.point().id())
                .containsExactly(1L, 2L);
    }

    @Test
    void distancesAreGreatCircleMetres() {
        // Deventer to Nijmegen: about 53 km
        double metres = GeoMath.distanceMetres(52.2550, 6.1639, 51.8426, 5.8528);
        assertThat(metres).isBetween(50_000.0, 52_000.0);
        assertThat(GeoMath.bearingDegrees(52.0, 5.0, 53.0, 5.0)).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(GeoMath.bearingDegrees(52.0, 5.0, 52.0, 6.0)).isBetween(89.0, 91.0);
    }

    private static void assertSame(List<PointIndex.Hit> actual, List<PointIndex.Hit> expected, double lat, double lon) {
        assertThat(actual).as("query %s, %s", lat, lon).extracting(hit -> hit.point().id())
                .containsExactlyElementsOf(expected.stream().map(hit -> hit.point().id()).toList());
    }

    static List<PointIndex.Hit> bruteForce(List<Point> points, double lat, double lon, int k, int facilities, int statuses,
                                           double maxMetres) {
        List<PointIndex.Hit> all = new ArrayList<>();
        for (Point point : points) {
            if ((statuses & (1 << point.status().ordinal())) == 0
                    || (Facility.mask(point.facilities()) & facilities) != facilities) {
                continue;
            }
            double h = haversine(lat, lon, point.latitude(), point.longitude());
            if (h <= PointIndex.haversineOfDistance(maxMetres) || maxMetres == NO_LIMIT) {
                all.add(new PointIndex.Hit(point, h));
            }
        }
        all.sort(Comparator.comparingDouble(PointIndex.Hit::distanceMetres).thenComparingLong(hit -> hit.point().id()));
        return all.subList(0, Math.min(k, all.size()));
    }

    /**
     * The haversine term as the index computes it, a quarter of the squared chord between unit
     * vectors, so that points at equal distance tie in both and are ordered by id.
     */
    private static double haversine(double lat1, double lon1, double lat2, double lon2) {
        double[] a = unit(lat1, lon1);
        double[] b = unit(lat2, lon2);
        double dx = b[0] - a[0];
        double dy = b[1] - a[1];
        double dz = b[2] - a[2];
        return (dx * dx + dy * dy + dz * dz) / 4;
    }

    private static double[] unit(double latitude, double longitude) {
        double lat = Math.toRadians(latitude);
        double lon = Math.toRadians(longitude);
        return new double[]{Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)};
    }

    static List<Point> randomPoints(Random random, int count) {
        double[][] towns = {{52.37, 4.90}, {51.92, 4.48}, {52.09, 5.12}, {53.22, 6.57}, {51.44, 5.48},
                {52.26, 6.16}, {51.84, 5.86}, {50.85, 5.69}, {52.52, 6.09}, {53.20, 5.80}};
        List<Point> points = new ArrayList<>();
        PointStatus[] statuses = PointStatus.values();
        for (int i = 0; i < count; i++) {
            double lat;
            double lon;
            if (random.nextInt(4) == 0) {
                lat = 50.75 + random.nextDouble() * 2.8;
                lon = 3.36 + random.nextDouble() * 3.85;
            } else {
                double[] town = towns[random.nextInt(towns.length)];
                lat = town[0] + random.nextGaussian() * 0.03;
                lon = town[1] + random.nextGaussian() * 0.05;
            }
            EnumSet<Facility> facilities = EnumSet.noneOf(Facility.class);
            for (Facility facility : Facility.values()) {
                if (random.nextInt(3) == 0) {
                    facilities.add(facility);
                }
            }
            // a few points share their coordinates, as several services in one building do
            if (i > 0 && random.nextInt(50) == 0) {
                Point twin = points.get(random.nextInt(points.size()));
                lat = twin.latitude();
                lon = twin.longitude();
            }
            points.add(point(i + 1, lat, lon, facilities, statuses[random.nextInt(statuses.length)]));
        }
        return points;
    }

    static Point point(long id, double lat, double lon, Set<Facility> facilities, PointStatus status) {
        return new Point(id, null, "Point " + id, PointType.COMMUNITY_CENTRE, null, null, null, "GM0150", lat, lon,
                List.copyOf(facilities), null, null, status, null, null, null, null, "test", Instant.EPOCH);
    }

    private static int statusMask(PointStatus... statuses) {
        int mask = 0;
        for (PointStatus status : statuses) {
            mask |= 1 << status.ordinal();
        }
        return mask;
    }
}
