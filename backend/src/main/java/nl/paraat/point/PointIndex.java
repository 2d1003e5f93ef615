package nl.paraat.point;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Nearest-k search over resilience points in memory: a fixed latitude/longitude grid over the
 * Netherlands whose points are stored cell by cell in flat arrays. A query scans rings of cells
 * around its own cell until no point outside the rings can be nearer than the k-th point found, so
 * the answer is exact by great-circle distance; ties are broken by id, like a sorted scan would.
 * Points outside the grid's bounds (none, when every point lies in the Netherlands) are kept apart
 * and checked on every query: in an edge cell they would break the rings' lower bound.
 * Immutable: a change builds a new index that replaces this one.
 */
final class PointIndex {

    static final double MIN_LAT = 50.5;
    static final double MAX_LAT = 53.8;
    static final double MIN_LON = 3.0;
    static final double MAX_LON = 7.5;

    private final double cellLat;
    private final double cellLon;
    private final int rows;
    private final int columns;
    private final int[] cellStart;
    private final double[] latRad;
    private final double[] lonRad;
    private final double[] cosLat;
    private final int[] facilities;
    private final byte[] status;
    private final long[] ids;
    private final Point[] points;
    private final double cosFarthestLat;
    private final long version;
    private final java.util.Map<Long, Point> byId = new java.util.HashMap<>();
    private final java.util.Map<String, Object> derived = new java.util.concurrent.ConcurrentHashMap<>();

    /** @param version the database version this index was built from */
    PointIndex(List<Point> all, double cellLat, double cellLon, long version) {
        this.cellLat = cellLat;
        this.cellLon = cellLon;
        this.version = version;
        this.rows = (int) Math.ceil((MAX_LAT - MIN_LAT) / cellLat);
        this.columns = (int) Math.ceil((MAX_LON - MIN_LON) / cellLon);
        int n = all.size();
        int[] cellOf = new int[n];
        // One extra cell after the grid's holds the points outside it.
        int[] counts = new int[rows * columns + 2];
        double farthest = 0;
        for (int i = 0; i < n; i++) {
            Point point = all.get(i);
            cellOf[i] = inside(point.latitude(), point.longitude())
                    ? cell(row(point.latitude()), column(point.longitude())) : rows * columns;
            counts[cellOf[i] + 1]++;
            farthest = Math.max(farthest, Math.abs(point.latitude()));
        }
        for (int c = 0; c <= rows * columns; c++) {
            counts[c + 1] += counts[c];
        }
        this.cellStart = counts.clone();
        int[] next = counts;
        this.latRad = new double[n];
        this.lonRad = new double[n];
        this.cosLat = new double[n];
        this.facilities = new int[n];
        this.status = new byte[n];
        this.ids = new long[n];
        this.points = new Point[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // Within a cell, by id: ties then resolve the same way however the cells are visited.
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> cellOf[i]).thenComparingLong(i -> all.get(i).id()));
        for (int i : order) {
            Point point = all.get(i);
            int slot = next[cellOf[i]]++;
            latRad[slot] = Math.toRadians(point.latitude());
            lonRad[slot] = Math.toRadians(point.longitude());
            cosLat[slot] = Math.cos(latRad[slot]);
            facilities[slot] = Facility.mask(point.facilities());
            status[slot] = (byte) point.status().ordinal();
            ids[slot] = point.id();
            points[slot] = point;
            byId.put(point.id(), point);
        }
        this.cosFarthestLat = Math.cos(Math.toRadians(Math.max(farthest, 0)));
    }

    long version() {
        return version;
    }

    /** @return the point with this id, or null */
    Point find(long id) {
        return byId.get(id);
    }

    List<Point> all() {
        return Arrays.asList(points);
    }

    /** Responses derived from this version of the points; they go when the index is replaced. */
    @SuppressWarnings("unchecked")
    <V> V cached(String key, java.util.function.Function<String, V> compute) {
        return (V) derived.computeIfAbsent(key, compute);
    }

    int size() {
        return points.length;
    }

    record Hit(Point point, double distanceMetres) {
    }

    /**
     * @param requiredFacilities bit mask of facilities a point must all have (0: any)
     * @param statuses           bit mask of acceptable statuses, by ordinal
     * @param maxDistanceMetres  no point farther than this; {@code Double.POSITIVE_INFINITY} for no limit
     */
    List<Hit> nearest(double latitude, double longitude, int k, int requiredFacilities, int statuses,
                      double maxDistanceMetres) {
        double qLat = Math.toRadians(latitude);
        double qLon = Math.toRadians(longitude);
        double qCos = Math.cos(qLat);
        double maxH = maxDistanceMetres == Double.POSITIVE_INFINITY ? Double.POSITIVE_INFINITY
                : haversineOfDistance(maxDistanceMetres);
        double lonBoundFactor = qCos * cosFarthestLat;
        int qRow = (int) Math.floor((latitude - MIN_LAT) / cellLat);
        int qColumn = (int) Math.floor((longitude - MIN_LON) / cellLon);

        double[] bestH = new double[k];
        int[] bestSlot = new int[k];
        int found = scan(rows * columns, qLat, qLon, qCos, maxH, requiredFacilities, statuses, k, bestH, bestSlot, 0);
        int maxRing = Math.max(Math.max(qRow, rows - 1 - qRow), Math.max(qColumn, columns - 1 - qColumn));
        for (int ring = 0; ring <= Math.max(maxRing, 0); ring++) {
            int rowFrom = qRow - ring;
            int rowTo = qRow + ring;
            int columnFrom = qColumn - ring;
            int columnTo = qColumn + ring;
            for (int r = Math.max(rowFrom, 0); r <= Math.min(rowTo, rows - 1); r++) {
                boolean edgeRow = r == rowFrom || r == rowTo;
                int step = edgeRow ? 1 : Math.max(columnTo - columnFrom, 1);
                for (int c = columnFrom; c <= columnTo; c += step) {
                    if (c < 0 || c >= columns || cellStart[r * columns + c] == cellStart[r * columns + c + 1]) {
                        continue;
                    }
                    // Once k points are in hand, a cell that cannot hold a nearer one is not opened.
                    if (found == k && lowerBoundCell(latitude, longitude, r, c, lonBoundFactor) > bestH[k - 1]) {
                        continue;
                    }
                    found = scan(r * columns + c, qLat, qLon, qCos, maxH, requiredFacilities, statuses, k, bestH,
                            bestSlot, found);
                }
            }
            double outside = lowerBoundOutside(latitude, longitude, qRow, qColumn, ring, lonBoundFactor);
            if (outside > maxH || (found == k && bestH[k - 1] < outside)) {
                break;
            }
        }
        List<Hit> hits = new ArrayList<>(found);
        for (int i = 0; i < found; i++) {
            hits.add(new Hit(points[bestSlot[i]], distanceOfHaversine(bestH[i])));
        }
        return hits;
    }

    /** Offers the points of one cell to the best {@code found} so far; returns the new count. */
    private int scan(int cell, double qLat, double qLon, double qCos, double maxH, int requiredFacilities, int statuses,
                     int k, double[] bestH, int[] bestSlot, int found) {
        for (int slot = cellStart[cell], end = cellStart[cell + 1]; slot < end; slot++) {
            if ((statuses & (1 << status[slot])) == 0
                    || (facilities[slot] & requiredFacilities) != requiredFacilities) {
                continue;
            }
            double sinLat = Math.sin((latRad[slot] - qLat) / 2);
            double sinLon = Math.sin((lonRad[slot] - qLon) / 2);
            double h = sinLat * sinLat + qCos * cosLat[slot] * sinLon * sinLon;
            if (h > maxH) {
                continue;
            }
            if (found < k || precedes(h, slot, bestH[k - 1], bestSlot[k - 1])) {
                found = insert(bestH, bestSlot, found, k, h, slot);
            }
        }
        return found;
    }

    /**
     * Inserts into the prefix {@code [0, used)}, kept sorted by distance and then id; when the prefix
     * is full the last entry, which the caller found worse, is dropped. Returns the new length.
     */
    private int insert(double[] bestH, int[] bestSlot, int used, int k, double h, int slot) {
        int position = Math.min(used, k - 1);
        while (position > 0 && precedes(h, slot, bestH[position - 1], bestSlot[position - 1])) {
            bestH[position] = bestH[position - 1];
            bestSlot[position] = bestSlot[position - 1];
            position--;
        }
        bestH[position] = h;
        bestSlot[position] = slot;
        return Math.min(used + 1, k);
    }

    private boolean precedes(double h, int slot, double otherH, int otherSlot) {
        return h < otherH || (h == otherH && ids[slot] < ids[otherSlot]);
    }

    /**
     * A lower bound, in haversine terms, for the distance from the query to any point outside the
     * block of cells within {@code ring} of its own cell. A point outside is beyond one of the four
     * edges: past a latitude edge it is at least that latitude difference away; past a longitude
     * edge, hav(d) >= cos(lat1)cos(lat2)hav(dLon), and both cosines are at least the query's and
     * the farthest-from-equator point's.
     */
    private double lowerBoundOutside(double latitude, double longitude, int qRow, int qColumn, int ring,
                                     double lonBoundFactor) {
        double north = MIN_LAT + (qRow + ring + 1) * cellLat - latitude;
        double south = latitude - (MIN_LAT + (qRow - ring) * cellLat);
        double east = MIN_LON + (qColumn + ring + 1) * cellLon - longitude;
        double west = longitude - (MIN_LON + (qColumn - ring) * cellLon);
        double latGap = Math.toRadians(Math.min(north, south));
        double lonGap = Math.toRadians(Math.min(east, west));
        double latBound = Math.sin(latGap / 2) * Math.sin(latGap / 2);
        double lonBound = lonBoundFactor * Math.sin(lonGap / 2) * Math.sin(lonGap / 2);
        return Math.min(latBound, lonBound);
    }

    private static boolean inside(double latitude, double longitude) {
        return latitude >= MIN_LAT && latitude <= MAX_LAT && longitude >= MIN_LON && longitude <= MAX_LON;
    }

    /** A lower bound, in haversine terms, for the distance from the query to any point in one cell. */
    private double lowerBoundCell(double latitude, double longitude, int row, int column, double lonBoundFactor) {
        double south = MIN_LAT + row * cellLat;
        double west = MIN_LON + column * cellLon;
        double latGap = Math.toRadians(Math.max(0, Math.max(south - latitude, latitude - (south + cellLat))));
        double lonGap = Math.toRadians(Math.max(0, Math.max(west - longitude, longitude - (west + cellLon))));
        double sinLat = Math.sin(latGap / 2);
        double sinLon = Math.sin(lonGap / 2);
        return sinLat * sinLat + lonBoundFactor * sinLon * sinLon;
    }

    private int row(double latitude) {
        return Math.min(rows - 1, Math.max(0, (int) Math.floor((latitude - MIN_LAT) / cellLat)));
    }

    private int column(double longitude) {
        return Math.min(columns - 1, Math.max(0, (int) Math.floor((longitude - MIN_LON) / cellLon)));
    }

    private int cell(int row, int column) {
        return row * columns + column;
    }

    static double haversineOfDistance(double metres) {
        double half = Math.sin(Math.min(metres / GeoMath.EARTH_RADIUS_METRES, Math.PI) / 2);
        return half * half;
    }

    static double distanceOfHaversine(double h) {
        return 2 * GeoMath.EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
