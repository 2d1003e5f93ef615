package nl.paraat.alert;

import nl.paraat.common.Problem;
import nl.paraat.region.RegionService;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The area of a message: GM/VR codes and CAP polygons ("lat,lon lat,lon ...", closed, at least
 * four points, not crossing itself) and circles ("lat,lon radiusKm"). Shapes must lie within the
 * sender's area but for a small margin, since neighbouring boundaries never match exactly.
 */
final class AlertArea {

    static final double MIN_SHARE_INSIDE = 0.9;
    private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);
    private static final double KM_PER_DEGREE_LATITUDE = 111.32;

    private AlertArea() {
    }

    record Parsed(List<String> codes, List<String> polygons, List<String> circles, List<Geometry> shapes,
                  Set<String> municipalities) {
    }

    static Parsed parse(AlertViews.AreaRequest area, RegionService regions, List<Problem.FieldError> errors) {
        List<String> codes = new ArrayList<>();
        for (String code : area.codes() == null ? List.<String>of() : area.codes()) {
            String normalised = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
            if (!regions.isKnownArea(normalised)) {
                errors.add(new Problem.FieldError("area.codes", "unknown area code '" + code + "'"));
            } else if (!codes.contains(normalised)) {
                codes.add(normalised);
            }
        }
        List<Geometry> shapes = new ArrayList<>();
        List<String> polygons = area.polygons() == null ? List.of() : area.polygons();
        for (int i = 0; i < polygons.size(); i++) {
            polygon(polygons.get(i), "area.polygons[" + i + "]", errors).ifPresent(shapes::add);
        }
        List<String> circles = area.circles() == null ? List.of() : area.circles();
        for (int i = 0; i < circles.size(); i++) {
            circle(circles.get(i), "area.circles[" + i + "]", errors).ifPresent(shapes::add);
        }
        if (codes.isEmpty() && polygons.isEmpty() && circles.isEmpty()) {
            errors.add(new Problem.FieldError("area", "give area codes, polygons or circles"));
        }
        Set<String> municipalities = new TreeSet<>();
        codes.forEach(code -> municipalities.addAll(regions.municipalitiesOf(code)));
        shapes.forEach(shape -> municipalities.addAll(regions.municipalitiesIntersecting(shape)));
        if (errors.isEmpty() && municipalities.isEmpty()) {
            errors.add(new Problem.FieldError("area", "the area does not touch the Netherlands"));
        }
        return new Parsed(codes, List.copyOf(polygons), List.copyOf(circles), shapes, municipalities);
    }

    /** @return the parts of the area that the organisation may not target, as field errors */
    static List<Problem.FieldError> outside(Parsed area, Collection<String> allowed, RegionService regions) {
        List<Problem.FieldError> refused = new ArrayList<>();
        for (String code : area.codes()) {
            if (!regions.covers(allowed, code)) {
                refused.add(new Problem.FieldError("area.codes", code + " lies outside the organisation's area"));
            }
        }
        int polygonCount = area.polygons().size();
        for (int i = 0; i < area.shapes().size(); i++) {
            double share = regions.fractionWithin(area.shapes().get(i), allowed);
            if (share < MIN_SHARE_INSIDE) {
                String field = i < polygonCount ? "area.polygons[" + i + "]" : "area.circles[" + (i - polygonCount) + "]";
                refused.add(new Problem.FieldError(field, Math.round((1 - share) * 100)
                        + "% of it lies outside the organisation's area"));
            }
        }
        return refused;
    }

    static java.util.Optional<Geometry> polygon(String text, String field, List<Problem.FieldError> errors) {
        String[] pairs = text == null ? new String[0] : text.strip().split("\\s+");
        if (pairs.length < 4) {
            errors.add(new Problem.FieldError(field, "a polygon needs at least 4 points, the last equal to the first"));
            return java.util.Optional.empty();
        }
        Coordinate[] ring = new Coordinate[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            Coordinate coordinate = latLon(pairs[i]);
            if (coordinate == null) {
                errors.add(new Problem.FieldError(field, "point " + (i + 1) + " '" + pairs[i] + "' is not 'latitude,longitude'"));
                return java.util.Optional.empty();
            }
            ring[i] = coordinate;
        }
        if (!ring[0].equals2D(ring[ring.length - 1])) {
            errors.add(new Problem.FieldError(field, "the polygon is not closed: the last point must equal the first"));
            return java.util.Optional.empty();
        }
        Polygon polygon = FACTORY.createPolygon(ring);
        if (!polygon.isValid()) {
            errors.add(new Problem.FieldError(field, "the polygon crosses itself"));
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(polygon);
    }

    static java.util.Optional<Geometry> circle(String text, String field, List<Problem.FieldError> errors) {
        String[] parts = text == null ? new String[0] : text.strip().split("\\s+");
        Coordinate centre = parts.length == 2 ? latLon(parts[0]) : null;
        double radiusKm;
        try {
            radiusKm = parts.length == 2 ? Double.parseDouble(parts[1]) : Double.NaN;
        } catch (NumberFormatException e) {
            radiusKm = Double.NaN;
        }
        if (centre == null || !(radiusKm > 0 && radiusKm <= 500)) {
            errors.add(new Problem.FieldError(field, "a circle is 'latitude,longitude radiusKm' with a radius up to 500 km"));
            return java.util.Optional.empty();
        }
        int sides = 48;
        Coordinate[] ring = new Coordinate[sides + 1];
        double latRadius = radiusKm / KM_PER_DEGREE_LATITUDE;
        double lonRadius = latRadius / Math.cos(Math.toRadians(centre.y));
        for (int i = 0; i < sides; i++) {
            double angle = 2 * Math.PI * i / sides;
            ring[i] = new Coordinate(centre.x + lonRadius * Math.sin(angle), centre.y + latRadius * Math.cos(angle));
        }
        ring[sides] = ring[0];
        return java.util.Optional.of(FACTORY.createPolygon(ring));
    }

    /** CAP writes "latitude,longitude"; JTS wants x = longitude. */
    private static Coordinate latLon(String pair) {
        String[] parts = pair.split(",");
        if (parts.length != 2) {
            return null;
        }
        try {
            double lat = Double.parseDouble(parts[0]);
            double lon = Double.parseDouble(parts[1]);
            if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
                return null;
            }
            return new Coordinate(lon, lat);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
