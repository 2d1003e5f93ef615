package nl.paraat.point;

import nl.paraat.common.GeoMath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Nearest-k search over resilience points in memory: a k-d tree over the points as unit vectors
 * in three dimensions. The straight-line (chord) distance between unit vectors grows with the
 * great-circle distance, so the tree's boxes give exact lower bounds and the answer is exact by
 * great-circle distance; ties are broken by id, as a sorted scan would. Every node knows which
 * facilities and statuses occur below it, so a filter skips whole subtrees. Far from every point
 * (at sea, across the border) the search costs about as little as in a town. Immutable: a change
 * builds a new index that replaces this one.
 */
final class PointIndex {

    private static final int LEAF_SIZE = 8;

    private final long version;
    private final int size;
    private final double[] xs;
    private final double[] ys;
    private final double[] zs;
    private final int[] facilities;
    private final int[] statuses;
    private final long[] ids;
    private final Point[] points;
    private final Map<Long, Point> byId = new HashMap<>();
    private final Map<String, Object> derived = new ConcurrentHashMap<>();

    // The tree, one entry per node: the points [start, end) lie below it, in the box [min, max].
    private final int[] start;
    private final int[] end;
    private final int[] left;
    private final int[] right;
    private final double[] box;
    private final int[] facilitiesBelow;
    private final int[] statusesBelow;
    private int nodes;

    /** @param version the database version this index was built from */
    PointIndex(List<Point> all, long version) {
        this.version = version;
        this.size = all.size();
        double[][] unit = new double[3][size];
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            Point point = all.get(i);
            double lat = Math.toRadians(point.latitude());
            double lon = Math.toRadians(point.longitude());
            unit[0][i] = Math.cos(lat) * Math.cos(lon);
            unit[1][i] = Math.cos(lat) * Math.sin(lon);
            unit[2][i] = Math.sin(lat);
            order[i] = i;
        }
        int capacity = Math.max(1, 2 * (size / (LEAF_SIZE / 2) + 1));
        this.start = new int[capacity];
        this.end = new int[capacity];
        this.left = new int[capacity];
        this.right = new int[capacity];
        this.box = new double[capacity * 6];
        this.facilitiesBelow = new int[capacity];
        this.statusesBelow = new int[capacity];
        int[] facilityMasks = new int[size];
        int[] statusMasks = new int[size];
        for (int i = 0; i < size; i++) {
            facilityMasks[i] = Facility.mask(all.get(i).facilities());
            statusMasks[i] = 1 << all.get(i).status().ordinal();
        }
        if (size > 0) {
            build(order, 0, size, unit, facilityMasks, statusMasks);
        }
        this.xs = new double[size];
        this.ys = new double[size];
        this.zs = new double[size];
        this.facilities = new int[size];
        this.statuses = new int[size];
        this.ids = new long[size];
        this.points = new Point[size];
        for (int slot = 0; slot < size; slot++) {
            int i = order[slot];
            xs[slot] = unit[0][i];
            ys[slot] = unit[1][i];
            zs[slot] = unit[2][i];
            facilities[slot] = facilityMasks[i];
            statuses[slot] = statusMasks[i];
            ids[slot] = all.get(i).id();
            points[slot] = all.get(i);
            byId.put(all.get(i).id(), all.get(i));
        }
    }

    long version() {
        return version;
    }

    int size() {
        return size;
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
    <V> V cached(String key, Function<String, V> compute) {
        return (V) derived.computeIfAbsent(key, compute);
    }

    record Hit(Point point, double distanceMetres) {
    }

    /**
     * @param requiredFacilities bit mask of facilities a point must all have (0: any)
     * @param statusMask         bit mask of acceptable statuses, by ordinal
     * @param maxDistanceMetres  no point farther than this; {@code Double.POSITIVE_INFINITY} for no limit
     */
    List<Hit> nearest(double latitude, double longitude, int k, int requiredFacilities, int statusMask,
                      double maxDistanceMetres) {
        double lat = Math.toRadians(latitude);
        double lon = Math.toRadians(longitude);
        Search search = new Search(Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat), k,
                requiredFacilities, statusMask, maxDistanceMetres == Double.POSITIVE_INFINITY
                ? Double.POSITIVE_INFINITY : haversineOfDistance(maxDistanceMetres));
        if (size > 0) {
            search.visit(0);
        }
        List<Hit> hits = new ArrayList<>(search.found);
        for (int i = 0; i < search.found; i++) {
            hits.add(new Hit(points[search.bestSlot[i]], distanceOfHaversine(search.bestH[i])));
        }
        return hits;
    }

    /** One query's state: the k best so far, kept sorted by distance and then id. */
    private final class Search {

        private final double qx;
        private final double qy;
        private final double qz;
        private final int k;
        private final int required;
        private final int statusMask;
        private final double maxH;
        private final double[] bestH;
        private final int[] bestSlot;
        private int found;

        Search(double qx, double qy, double qz, int k, int required, int statusMask, double maxH) {
            this.qx = qx;
            this.qy = qy;
            this.qz = qz;
            this.k = k;
            this.required = required;
            this.statusMask = statusMask;
            this.maxH = maxH;
            this.bestH = new double[k];
            this.bestSlot = new int[k];
        }

        void visit(int node) {
            if ((statusesBelow[node] & statusMask) == 0 || (facilitiesBelow[node] & required) != required) {
                return;
            }
            if (left[node] < 0) {
                scan(node);
                return;
            }
            double toLeft = lowerBound(left[node]);
            double toRight = lowerBound(right[node]);
            int near = toLeft <= toRight ? left[node] : right[node];
            int far = near == left[node] ? right[node] : left[node];
            if (worthVisiting(Math.min(toLeft, toRight))) {
                visit(near);
            }
            if (worthVisiting(Math.max(toLeft, toRight))) {
                visit(far);
            }
        }

        /** Strictly farther boxes are skipped; an equally far one may still hold a point with a lower id. */
        private boolean worthVisiting(double bound) {
            return bound <= maxH && (found < k || bound <= bestH[k - 1]);
        }

        private void scan(int node) {
            for (int slot = start[node]; slot < end[node]; slot++) {
                if ((statuses[slot] & statusMask) == 0 || (facilities[slot] & required) != required) {
                    continue;
                }
                double dx = xs[slot] - qx;
                double dy = ys[slot] - qy;
                double dz = zs[slot] - qz;
                double h = (dx * dx + dy * dy + dz * dz) / 4;
                if (h > maxH) {
                    continue;
                }
                if (found < k || precedes(h, slot, bestH[k - 1], bestSlot[k - 1])) {
                    insert(h, slot);
                }
            }
        }

        /** Inserts into the sorted best list; when it is full the last, which the caller found worse, drops out. */
        private void insert(double h, int slot) {
            int position = Math.min(found, k - 1);
            while (position > 0 && precedes(h, slot, bestH[position - 1], bestSlot[position - 1])) {
                bestH[position] = bestH[position - 1];
                bestSlot[position] = bestSlot[position - 1];
                position--;
            }
            bestH[position] = h;
            bestSlot[position] = slot;
            found = Math.min(found + 1, k);
        }

        private boolean precedes(double h, int slot, double otherH, int otherSlot) {
            return h < otherH || (h == otherH && ids[slot] < ids[otherSlot]);
        }

        /** The least haversine term any point in the node's box can have: a quarter of the squared chord. */
        private double lowerBound(int node) {
            int b = node * 6;
            double dx = gap(qx, box[b], box[b + 3]);
            double dy = gap(qy, box[b + 1], box[b + 4]);
            double dz = gap(qz, box[b + 2], box[b + 5]);
            return (dx * dx + dy * dy + dz * dz) / 4;
        }

        private static double gap(double value, double min, double max) {
            return value < min ? min - value : value > max ? value - max : 0;
        }
    }

    /** Builds the node for {@code order[from, to)} and returns its number. */
    private int build(int[] order, int from, int to, double[][] unit, int[] facilityMasks, int[] statusMasks) {
        int node = nodes++;
        start[node] = from;
        end[node] = to;
        int b = node * 6;
        for (int axis = 0; axis < 3; axis++) {
            box[b + axis] = Double.POSITIVE_INFINITY;
            box[b + 3 + axis] = Double.NEGATIVE_INFINITY;
        }
        int facilityUnion = 0;
        int statusUnion = 0;
        for (int i = from; i < to; i++) {
            int point = order[i];
            for (int axis = 0; axis < 3; axis++) {
                box[b + axis] = Math.min(box[b + axis], unit[axis][point]);
                box[b + 3 + axis] = Math.max(box[b + 3 + axis], unit[axis][point]);
            }
            facilityUnion |= facilityMasks[point];
            statusUnion |= statusMasks[point];
        }
        facilitiesBelow[node] = facilityUnion;
        statusesBelow[node] = statusUnion;
        if (to - from <= LEAF_SIZE) {
            left[node] = -1;
            right[node] = -1;
            return node;
        }
        int axis = 0;
        for (int candidate = 1; candidate < 3; candidate++) {
            if (box[b + 3 + candidate] - box[b + candidate] > box[b + 3 + axis] - box[b + axis]) {
                axis = candidate;
            }
        }
        int middle = (from + to) >>> 1;
        select(order, from, to - 1, middle, unit[axis]);
        left[node] = build(order, from, middle, unit, facilityMasks, statusMasks);
        right[node] = build(order, middle, to, unit, facilityMasks, statusMasks);
        return node;
    }

    /** Rearranges {@code order[lo..hi]} so that position {@code nth} holds the element it would hold if sorted by {@code key}. */
    private static void select(int[] order, int lo, int hi, int nth, double[] key) {
        while (lo < hi) {
            double pivot = key[order[(lo + hi) >>> 1]];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (key[order[i]] < pivot) {
                    i++;
                }
                while (key[order[j]] > pivot) {
                    j--;
                }
                if (i <= j) {
                    int swap = order[i];
                    order[i] = order[j];
                    order[j] = swap;
                    i++;
                    j--;
                }
            }
            if (nth <= j) {
                hi = j;
            } else if (nth >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    static double haversineOfDistance(double metres) {
        double half = Math.sin(Math.min(metres / GeoMath.EARTH_RADIUS_METRES, Math.PI) / 2);
        return half * half;
    }

    static double distanceOfHaversine(double h) {
        return 2 * GeoMath.EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
