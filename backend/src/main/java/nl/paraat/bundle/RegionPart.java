package nl.paraat.bundle;

import io.micronaut.serde.annotation.Serdeable;
import nl.paraat.common.GeoJson;
import nl.paraat.region.AreaRef;
import nl.paraat.region.RegionService;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The bundle's map of the area: the safety region's outline, simplified to about 100 m (enough to
 * draw, a fraction of the size), its municipalities and its neighbouring safety regions.
 */
final class RegionPart {

    private static final double SIMPLIFY_DEGREES = 0.001;
    private static final double NEIGHBOUR_DEGREES = 0.005;

    private RegionPart() {
    }

    @Serdeable
    record View(String code, String name, AreaRef safetyRegion, List<AreaRef> municipalities, List<AreaRef> neighbours,
                Map<String, Object> boundary) {
    }

    /** The safety region a request's region lies in (itself when it is one). */
    static String safetyRegionOf(String code, RegionService regions) {
        return code.startsWith("VR") ? code : regions.safetyRegionOf(code).orElseThrow();
    }

    static Set<String> neighbours(String safetyRegion, RegionService regions) {
        Geometry outline = regions.boundary(safetyRegion).orElseThrow();
        Set<String> neighbours = new TreeSet<>();
        for (String municipality : regions.municipalitiesIntersecting(outline.buffer(NEIGHBOUR_DEGREES))) {
            regions.safetyRegionOf(municipality).filter(vr -> !vr.equals(safetyRegion)).ifPresent(neighbours::add);
        }
        return neighbours;
    }

    static View of(String code, RegionService regions) {
        String safetyRegion = safetyRegionOf(code, regions);
        List<AreaRef> municipalities = regions.municipalitiesOf(safetyRegion).stream()
                .map(municipality -> regions.area(municipality).orElseThrow()).toList();
        List<AreaRef> neighbours = neighbours(safetyRegion, regions).stream()
                .map(vr -> regions.area(vr).orElseThrow()).toList();
        Geometry outline = TopologyPreservingSimplifier.simplify(regions.boundary(safetyRegion).orElseThrow(), SIMPLIFY_DEGREES);
        return new View(code, regions.area(code).orElseThrow().name(), regions.area(safetyRegion).orElseThrow(),
                municipalities, neighbours, GeoJson.polygonal(outline));
    }
}
