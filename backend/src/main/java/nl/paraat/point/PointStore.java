package nl.paraat.point;

import nl.paraat.common.GeoMath;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Reads of the points table that the index and the database fallback need. */
@Singleton
class PointStore {

    private final PointRepository points;

    PointStore(PointRepository points) {
        this.points = points;
    }

    record Loaded(long version, List<Point> points) {
    }

    /** The version is read first: a change racing the load only makes the next check load again. */
    @ReadOnly
    Loaded loadAll() {
        long version = points.indexVersion();
        List<Point> all = new ArrayList<>();
        points.findAll().forEach(point -> all.add(point.toPoint()));
        return new Loaded(version, all);
    }

    @ReadOnly
    Point find(long id) {
        return points.findById(id).map(ResiliencePoint::toPoint).orElse(null);
    }

    @ReadOnly
    long version() {
        return points.indexVersion();
    }

    /**
     * Nearest points straight from the database, for an instance whose index is not built yet: a box
     * on the indexed coordinates, widened until every point within the k-th distance must lie inside it.
     */
    @ReadOnly
    List<PointIndex.Hit> nearest(double latitude, double longitude, int k, int requiredFacilities,
                                 Collection<PointStatus> statuses, double maxDistanceMetres) {
        double radius = Math.min(2_000, maxDistanceMetres);
        while (true) {
            double latDelta = Math.toDegrees(radius / GeoMath.EARTH_RADIUS_METRES);
            double farthestLat = Math.min(89, Math.abs(latitude) + latDelta);
            double lonDelta = Math.min(180, latDelta / Math.cos(Math.toRadians(farthestLat)));
            List<PointIndex.Hit> hits = new ArrayList<>();
            for (ResiliencePoint candidate : points.findByLatitudeBetweenAndLongitudeBetweenAndStatusIn(
                    latitude - latDelta, latitude + latDelta, longitude - lonDelta, longitude + lonDelta, statuses)) {
                Point point = candidate.toPoint();
                double distance = GeoMath.distanceMetres(latitude, longitude, point.latitude(), point.longitude());
                if (distance <= maxDistanceMetres && (Facility.mask(point.facilities()) & requiredFacilities) == requiredFacilities) {
                    hits.add(new PointIndex.Hit(point, distance));
                }
            }
            hits.sort(Comparator.comparingDouble(PointIndex.Hit::distanceMetres).thenComparingLong(hit -> hit.point().id()));
            boolean exact = hits.size() >= k && hits.get(k - 1).distanceMetres() <= radius;
            if (exact || radius >= maxDistanceMetres || radius > 1_000_000) {
                return hits.subList(0, Math.min(k, hits.size()));
            }
            radius = Math.min(radius * 2, maxDistanceMetres);
        }
    }
}
