package nl.paraat.alert;

import nl.paraat.common.Geohash;
import nl.paraat.region.RegionService;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.relateng.RelateNG;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The location cells (geohashes) whose devices a message reaches. A device shares a cell of at most
 * five characters (about 5 km). A five-character cell is reached when it shares ground with the
 * clipped area; a coarser cell says only "somewhere in this large box", so it is reached only when
 * the whole box lies inside the clipped area.
 */
final class TargetCells {

    static final int PRECISION = 5;

    private TargetCells() {
    }

    static Set<String> of(List<Geometry> clippedShapes) {
        if (clippedShapes.isEmpty()) {
            return Set.of();
        }
        Geometry area = OverlayNGRobust.union(AlertArea.FACTORY.buildGeometry(clippedShapes));
        if (area.isEmpty()) {
            return Set.of();
        }
        RelateNG relate = RelateNG.prepare(area);
        Envelope box = area.getEnvelopeInternal();
        Set<String> fine = Geohash.covering(box.getMinY(), box.getMinX(), box.getMaxY(), box.getMaxX(), PRECISION,
                cell -> relate.evaluate(box(cell), RegionService.INTERIORS_INTERSECT));
        Set<String> cells = new TreeSet<>(fine);
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(area);
        Set<String> coarse = new TreeSet<>();
        fine.forEach(cell -> {
            for (int length = 1; length < PRECISION; length++) {
                coarse.add(cell.substring(0, length));
            }
        });
        for (String cell : coarse) {
            if (prepared.covers(box(Geohash.bounds(cell)))) {
                cells.add(cell);
            }
        }
        return cells;
    }

    /** @param bounds {south, west, north, east} */
    static Geometry box(double[] bounds) {
        return AlertArea.FACTORY.toGeometry(new Envelope(bounds[1], bounds[3], bounds[0], bounds[2]));
    }
}
