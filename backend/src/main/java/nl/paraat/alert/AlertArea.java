package nl.paraat.alert;

import io.micronaut.http.HttpStatus;
import nl.paraat.common.Problem;
import nl.paraat.common.ProblemException;
import nl.paraat.region.RegionService;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The area of a message: GM/VR codes and CAP polygons ("lat,lon lat,lon ...", closed, at least
 * four points, not crossing itself) and circles ("lat,lon radiusKm").
 *
 * <p>Area codes must lie within the sender's area. Shapes are clipped to it: what lies outside is
 * left out of everything the message targets, stores and exports, so a sloppy or hostile drawing
 * never reaches residents of another organisation's area. A shape wholly outside is refused.
 */
final class AlertArea {

    static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);
    private static final double KM_PER_DEGREE_LATITUDE = 111.32;

    private AlertArea() {
    }

    /** A polygon or circle as sent, with the field it came from. */
    record Shape(String field, String text, boolean circle, Geometry geometry) {
    }

    record Parsed(List<String> codes, List<Shape> shapes) {
    }

    /**
     * What a message really targets, all within the sender's area.
     *
     * @param polygons       the polygons to store and export: as sent where the shape lies inside, else its clipped parts
     * @param circles        the circles that lie inside the sender's area, as sent
     * @param municipalities every municipality of the sender's area that the area covers or shares ground with
     * @param cells          the location cells whose devices are reached (see {@link TargetCells})
     * @param note           what was left out, for the author; null when nothing was
     */
    record Targeted(List<String> codes, List<String> polygons, List<String> circles, Set<String> municipalities,
                    Set<String> cells, String note) {
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
        List<Shape> shapes = new ArrayList<>();
        List<String> polygons = area.polygons() == null ? List.of() : area.polygons();
        for (int i = 0; i < polygons.size(); i++) {
            String field = "area.polygons[" + i + "]";
            String text = polygons.get(i);
            polygon(text, field, errors).ifPresent(shape -> shapes.add(new Shape(field, text.strip(), false, shape)));
        }
        List<String> circles = area.circles() == null ? List.of() : area.circles();
        for (int i = 0; i < circles.size(); i++) {
            String field = "area.circles[" + i + "]";
            String text = circles.get(i);
            circle(text, field, errors).ifPresent(shape -> shapes.add(new Shape(field, text.strip(), true, shape)));
        }
        if (codes.isEmpty() && polygons.isEmpty() && circles.isEmpty()) {
            errors.add(new Problem.FieldError("area", "give area codes, polygons or circles"));
        }
        return new Parsed(codes, shapes);
    }

    /**
     * Clips the area to the sender's area.
     *
     * @throws ProblemException 403 naming every code or shape outside the sender's area, 422 for a
     *                          shape whose overlap with the area cannot be computed
     */
    static Targeted target(Parsed area, Collection<String> allowed, RegionService regions) {
        List<Problem.FieldError> refused = new ArrayList<>();
        Set<String> municipalities = new TreeSet<>();
        for (String code : area.codes()) {
            if (!regions.covers(allowed, code)) {
                refused.add(new Problem.FieldError("area.codes", code + " lies outside the organisation's area"));
            }
            municipalities.addAll(regions.municipalitiesOf(code));
        }
        Set<String> own = regions.municipalitiesOf(allowed);
        Geometry outline = regions.outline(allowed);
        List<String> polygons = new ArrayList<>();
        List<String> circles = new ArrayList<>();
        List<Geometry> inside = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (Shape shape : area.shapes()) {
            Clipping.Result clipped = Clipping.clip(shape, outline);
            if (clipped.parts().isEmpty()) {
                refused.add(new Problem.FieldError(shape.field(), "lies outside the organisation's area"));
                continue;
            }
            if (clipped.whole()) {
                (shape.circle() ? circles : polygons).add(shape.text());
            } else {
                clipped.stored().forEach(part -> polygons.add(CapPolygons.text(part)));
                leftOut.add(shape.field() + (clipped.percentOutside() == 0 ? " (a sliver)" : " (" + clipped.percentOutside() + "%)"));
            }
            Geometry kept = FACTORY.buildGeometry(clipped.parts());
            inside.add(kept);
            municipalities.addAll(regions.municipalitiesOverlapping(kept, own));
        }
        if (!refused.isEmpty()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "area-not-allowed", describe(refused), refused);
        }
        Set<String> cells = TargetCells.of(inside);
        String note = leftOut.isEmpty() ? null : "Left out because it lies outside the organisation's area: part of "
                + String.join(", ", leftOut) + ".";
        return new Targeted(area.codes(), polygons, circles, municipalities, cells, note);
    }

    static Optional<Geometry> polygon(String text, String field, List<Problem.FieldError> errors) {
        String[] pairs = text == null ? new String[0] : text.strip().split("\\s+");
        if (pairs.length < 4) {
            errors.add(new Problem.FieldError(field, "a polygon needs at least 4 points, the last equal to the first"));
            return Optional.empty();
        }
        Coordinate[] ring = new Coordinate[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            Coordinate coordinate = latLon(pairs[i]);
            if (coordinate == null) {
                errors.add(new Problem.FieldError(field, "point " + (i + 1) + " '" + pairs[i] + "' is not 'latitude,longitude'"));
                return Optional.empty();
            }
            ring[i] = coordinate;
        }
        if (!ring[0].equals2D(ring[ring.length - 1])) {
            errors.add(new Problem.FieldError(field, "the polygon is not closed: the last point must equal the first"));
            return Optional.empty();
        }
        Polygon polygon;
        try {
            polygon = FACTORY.createPolygon(ring);
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(field, "the points do not form a ring"));
            return Optional.empty();
        }
        TopologyValidationError invalid = new IsValidOp(polygon).getValidationError();
        if (invalid == null) {
            return Optional.of(polygon);
        }
        // A ring that touches itself in a point is unambiguous (CAP allows it); a crossing ring is not.
        if (invalid.getErrorType() == TopologyValidationError.RING_SELF_INTERSECTION) {
            Geometry fixed = GeometryFixer.fix(polygon);
            if (!fixed.isEmpty() && fixed.getArea() > 0) {
                return Optional.of(fixed);
            }
        }
        errors.add(new Problem.FieldError(field, invalid.getErrorType() == TopologyValidationError.SELF_INTERSECTION
                ? "the polygon crosses itself" : "the polygon is not a valid area: " + invalid.getMessage().toLowerCase(Locale.ROOT)));
        return Optional.empty();
    }

    /** The few metres around a circle of radius 0 that targeting uses. */
    private static final double POINT_RADIUS_KM = 0.01;

    /**
     * Whether a circle is written as CAP requires ("latitude,longitude radius", the radius in km and not
     * negative), without Paraat's own limits, which {@link #circle} applies.
     */
    static boolean circleIsCap(String text, String field, List<Problem.FieldError> errors) {
        CapCircle circle = CapCircle.read(text);
        if (circle == null || !(circle.radiusKm() >= 0)) {
            errors.add(new Problem.FieldError(field, "a CAP circle is 'latitude,longitude radius' with the radius in km"));
            return false;
        }
        return true;
    }

    /** A circle as CAP writes it, "latitude,longitude radius": the centre, and the radius in km (NaN when it is no number). */
    private record CapCircle(Coordinate centre, double radiusKm) {

        /** @return null when the text has no valid centre or not two parts */
        @io.micronaut.core.annotation.Nullable
        static CapCircle read(@io.micronaut.core.annotation.Nullable String text) {
            String[] parts = text == null ? new String[0] : text.strip().split("\\s+");
            Coordinate centre = parts.length == 2 ? latLon(parts[0]) : null;
            if (centre == null) {
                return null;
            }
            try {
                return new CapCircle(centre, Double.parseDouble(parts[1]));
            } catch (NumberFormatException e) {
                return new CapCircle(centre, Double.NaN);
            }
        }
    }

    static Optional<Geometry> circle(String text, String field, List<Problem.FieldError> errors) {
        CapCircle read = CapCircle.read(text);
        Coordinate centre = read == null ? null : read.centre();
        double radiusKm = read == null ? Double.NaN : read.radiusKm();
        if (centre == null || !(radiusKm >= 0 && radiusKm <= 500) || Math.abs(centre.y) > 89) {
            errors.add(new Problem.FieldError(field, "a circle is 'latitude,longitude radiusKm' with a radius up to 500 km"));
            return Optional.empty();
        }
        // CAP allows a radius of 0 (an earthquake's epicentre): the point itself, reached through the cell it lies in.
        radiusKm = Math.max(radiusKm, POINT_RADIUS_KM);
        int sides = 48;
        Coordinate[] ring = new Coordinate[sides + 1];
        double latRadius = radiusKm / KM_PER_DEGREE_LATITUDE;
        double lonRadius = latRadius / Math.cos(Math.toRadians(centre.y));
        for (int i = 0; i < sides; i++) {
            double angle = 2 * Math.PI * i / sides;
            ring[i] = new Coordinate(centre.x + lonRadius * Math.sin(angle), centre.y + latRadius * Math.cos(angle));
        }
        ring[sides] = ring[0];
        return Optional.of(FACTORY.createPolygon(ring));
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

    private static String describe(List<Problem.FieldError> errors) {
        return String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
    }
}
