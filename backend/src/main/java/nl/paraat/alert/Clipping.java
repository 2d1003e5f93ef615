package nl.paraat.alert;

import io.micronaut.http.HttpStatus;
import nl.paraat.common.Problem;
import nl.paraat.common.ProblemException;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

import java.util.ArrayList;
import java.util.List;

/**
 * A shape cut to the sender's area, as polygons without holes: CAP polygons are single rings, so a
 * hole (a neighbour's municipality inside the shape) is cut open rather than silently filled in.
 */
final class Clipping {

    /** Parts smaller than about a square metre are rounding noise along a border, not ground. */
    static final double MIN_PART_AREA = 1e-10;
    private static final int MAX_PARTS = 200;
    private static final PrecisionModel CAP_GRID = new PrecisionModel(1e7);

    private Clipping() {
    }

    /**
     * @param parts          the polygons of the shape inside the area, exactly, for targeting; empty when none
     * @param stored         the same cut on CAP's grid of seven decimals, without holes, for storing and export
     * @param whole          the shape lies inside as it is and can be kept as sent
     * @param percentOutside the share of the shape left out, in whole percents
     */
    record Result(List<Polygon> parts, List<Polygon> stored, boolean whole, long percentOutside) {
    }

    static Result clip(AlertArea.Shape shape, Geometry outline) {
        try {
            Geometry geometry = shape.geometry();
            if (outline.covers(geometry)) {
                return new Result(polygons(geometry), List.of(), true, 0);
            }
            Geometry inside = OverlayNGRobust.overlay(geometry, outline, OverlayNG.INTERSECTION);
            List<Polygon> parts = polygons(inside).stream().filter(polygon -> polygon.getArea() >= MIN_PART_AREA).toList();
            // Snap-rounded onto the grid the text is written on, so that the stored ring reads back as the same valid ring.
            List<Polygon> stored = new ArrayList<>();
            for (Polygon polygon : polygons(OverlayNG.overlay(geometry, outline, OverlayNG.INTERSECTION, CAP_GRID))) {
                if (polygon.getArea() >= MIN_PART_AREA) {
                    stored.addAll(withoutHoles(polygon, 0));
                }
            }
            if (stored.isEmpty()) {
                parts = List.of();
            }
            if (stored.size() > MAX_PARTS) {
                throw unjudgeable(shape, "it falls apart into more than " + MAX_PARTS + " pieces inside the organisation's area");
            }
            double share = geometry.getArea() == 0 ? 1 : 1 - inside.getArea() / geometry.getArea();
            return new Result(parts, stored, false, Math.round(Math.min(1, share) * 100));
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw unjudgeable(shape, "its overlap with the organisation's area cannot be computed (" + e.getMessage() + ")");
        }
    }

    private static ProblemException unjudgeable(AlertArea.Shape shape, String why) {
        String message = "the shape cannot be judged: " + why + "; simplify it";
        return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "area-not-judged", shape.field() + ": " + message,
                List.of(new Problem.FieldError(shape.field(), message)));
    }

    @SuppressWarnings("unchecked")
    private static List<Polygon> polygons(Geometry geometry) {
        return (List<Polygon>) PolygonExtracter.getPolygons(geometry);
    }

    /** Cuts the polygon along a north-south line through its first hole until no holes are left. */
    private static List<Polygon> withoutHoles(Polygon polygon, int depth) {
        if (polygon.getNumInteriorRing() == 0) {
            return List.of(polygon);
        }
        if (depth > 12) {
            throw new IllegalStateException("too many holes");
        }
        Envelope hole = polygon.getInteriorRingN(0).getEnvelopeInternal();
        double x = (hole.getMinX() + hole.getMaxX()) / 2;
        Envelope box = polygon.getEnvelopeInternal();
        List<Polygon> pieces = new ArrayList<>();
        for (Envelope half : List.of(new Envelope(box.getMinX() - 1, x, box.getMinY() - 1, box.getMaxY() + 1),
                new Envelope(x, box.getMaxX() + 1, box.getMinY() - 1, box.getMaxY() + 1))) {
            Geometry piece = OverlayNG.overlay(polygon, AlertArea.FACTORY.toGeometry(half), OverlayNG.INTERSECTION, CAP_GRID);
            for (Polygon part : polygons(piece)) {
                if (part.getArea() >= MIN_PART_AREA) {
                    pieces.addAll(withoutHoles(part, depth + 1));
                }
            }
        }
        return pieces;
    }
}
