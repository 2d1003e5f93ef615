package nl.paraat.region;

import io.micronaut.context.annotation.Context;
import io.micronaut.json.JsonMapper;
import nl.paraat.common.GeoMath;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.relateng.RelateNG;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.DistanceOp;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The area vocabulary of Paraat: the 25 safety regions (VRxx) and their municipalities (GMxxxx),
 * held in memory and answering point look-ups. Loaded eagerly so that a broken data file stops the
 * application at start-up rather than at the first request.
 */
@Context
public class RegionService {

    /** The area code for the whole country, for national bodies. */
    public static final String NATIONAL = "NL";

    private final List<SafetyRegion> safetyRegions;
    private final Map<String, SafetyRegion> regionsByCode = new LinkedHashMap<>();
    private final Map<String, Municipality> municipalitiesByCode = new LinkedHashMap<>();
    private final STRtree index = new STRtree();
    private final Map<String, double[]> interiorPoints = new java.util.concurrent.ConcurrentHashMap<>();
    private final int toleranceMetres;
    private final Map<String, Geometry> outlines = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_CACHED_OUTLINES = 500;
    /** The DE-9IM pattern "the interiors intersect". */
    public static final String INTERIORS_INTERSECT = "T********";

    RegionService(JsonMapper json, RegionConfiguration configuration) {
        this.safetyRegions = RegionDataLoader.load(json);
        this.toleranceMetres = configuration.lookupToleranceMetres();
        for (SafetyRegion region : safetyRegions) {
            regionsByCode.put(region.code(), region);
            for (Municipality municipality : region.municipalities()) {
                municipalitiesByCode.put(municipality.code(), municipality);
                index.insert(municipality.boundary().getEnvelopeInternal(),
                        new Indexed(municipality, PreparedGeometryFactory.prepare(municipality.boundary())));
            }
        }
        index.build();
    }

    List<SafetyRegion> safetyRegions() {
        return safetyRegions;
    }

    /** @return where the point lies, or empty when it is outside the Netherlands */
    public Optional<Location> locate(double latitude, double longitude) {
        Point point = GeoJsonReader.FACTORY.createPoint(new Coordinate(longitude, latitude));
        @SuppressWarnings("unchecked")
        List<Indexed> candidates = index.query(point.getEnvelopeInternal());
        Optional<Municipality> containing = candidates.stream()
                .filter(candidate -> candidate.prepared().covers(point))
                .map(Indexed::municipality)
                .min(Comparator.comparing(Municipality::code));
        return containing.or(() -> nearestWithinTolerance(point)).map(this::locationOf);
    }

    public boolean isKnownArea(String code) {
        return NATIONAL.equals(code) || regionsByCode.containsKey(code) || municipalitiesByCode.containsKey(code);
    }

    /**
     * @return the municipality codes an area code stands for: itself, all of a safety region's, or
     * all of the country's for {@code NL}
     */
    public Set<String> municipalitiesOf(String areaCode) {
        if (NATIONAL.equals(areaCode)) {
            return new java.util.TreeSet<>(municipalitiesByCode.keySet());
        }
        SafetyRegion region = regionsByCode.get(areaCode);
        if (region != null) {
            return region.municipalities().stream().map(Municipality::code)
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
        }
        return municipalitiesByCode.containsKey(areaCode) ? Set.of(areaCode) : Set.of();
    }

    /** @return the safety region a municipality belongs to */
    public Optional<String> safetyRegionOf(String municipalityCode) {
        return Optional.ofNullable(municipalitiesByCode.get(municipalityCode)).map(Municipality::safetyRegionCode);
    }

    public Optional<AreaRef> area(String code) {
        if (NATIONAL.equals(code)) {
            return Optional.of(new AreaRef(NATIONAL, "Nederland"));
        }
        SafetyRegion region = regionsByCode.get(code);
        if (region != null) {
            return Optional.of(new AreaRef(region.code(), region.name()));
        }
        return Optional.ofNullable(municipalitiesByCode.get(code)).map(m -> new AreaRef(m.code(), m.name()));
    }

    /** @return whether every municipality of {@code areaCode} lies within the union of {@code area} */
    public boolean covers(Collection<String> area, String areaCode) {
        Set<String> allowed = area.stream().flatMap(code -> municipalitiesOf(code).stream()).collect(Collectors.toSet());
        Set<String> wanted = municipalitiesOf(areaCode);
        return !wanted.isEmpty() && allowed.containsAll(wanted);
    }

    /** @return the (generalised) boundary of a municipality or safety region, in lon/lat */
    public Optional<Geometry> boundary(String code) {
        SafetyRegion region = regionsByCode.get(code);
        if (region != null) {
            return Optional.of(region.boundary());
        }
        return Optional.ofNullable(municipalitiesByCode.get(code)).map(Municipality::boundary);
    }

    /** @return a point inside the municipality, as {latitude, longitude} */
    public Optional<double[]> interiorPoint(String municipalityCode) {
        Municipality municipality = municipalitiesByCode.get(municipalityCode);
        if (municipality == null) {
            return Optional.empty();
        }
        // Asked for on every poll of the alerts list; the polygon does not change, so compute it once.
        double[] point = interiorPoints.computeIfAbsent(municipalityCode, code -> {
            org.locationtech.jts.geom.Point inside = municipality.boundary().getInteriorPoint();
            return new double[]{inside.getY(), inside.getX()};
        });
        return Optional.of(point.clone());
    }

    /** @return the municipalities whose boundary touches the area (lon/lat geometry) */
    public Set<String> municipalitiesIntersecting(Geometry area) {
        Set<String> codes = new java.util.TreeSet<>();
        @SuppressWarnings("unchecked")
        List<Indexed> candidates = index.query(area.getEnvelopeInternal());
        for (Indexed candidate : candidates) {
            if (candidate.prepared().intersects(area)) {
                codes.add(candidate.municipality().code());
            }
        }
        return codes;
    }

    /**
     * @return the union of the municipalities that the area codes stand for (lon/lat), the area an
     * organisation may act in; computed once per distinct area
     */
    public Geometry outline(Collection<String> areaCodes) {
        Set<String> municipalities = municipalitiesOf(areaCodes);
        String key = String.join(",", municipalities);
        Geometry cached = outlines.get(key);
        if (cached != null) {
            return cached;
        }
        if (outlines.size() > MAX_CACHED_OUTLINES) {
            outlines.clear();
        }
        List<Geometry> parts = municipalities.stream().map(code -> municipalitiesByCode.get(code).boundary()).toList();
        Geometry union = parts.isEmpty() ? GeoJsonReader.FACTORY.createPolygon()
                : OverlayNGRobust.union(GeoJsonReader.FACTORY.buildGeometry(parts));
        outlines.put(key, union);
        return union;
    }

    /** @return every municipality that an area code (or several) stands for */
    public Set<String> municipalitiesOf(Collection<String> areaCodes) {
        Set<String> municipalities = new java.util.TreeSet<>();
        areaCodes.forEach(code -> municipalities.addAll(municipalitiesOf(code)));
        return municipalities;
    }

    /**
     * @return the municipalities among {@code among} whose inside shares ground with the inside of the
     * shape (lon/lat); touching a border line or a corner does not count
     */
    public Set<String> municipalitiesOverlapping(Geometry shape, Set<String> among) {
        Set<String> codes = new java.util.TreeSet<>();
        RelateNG relate = RelateNG.prepare(shape);
        @SuppressWarnings("unchecked")
        List<Indexed> candidates = index.query(shape.getEnvelopeInternal());
        for (Indexed candidate : candidates) {
            String code = candidate.municipality().code();
            if (among.contains(code) && relate.evaluate(candidate.municipality().boundary(), INTERIORS_INTERSECT)) {
                codes.add(code);
            }
        }
        return codes;
    }

    private Location locationOf(Municipality municipality) {
        SafetyRegion region = regionsByCode.get(municipality.safetyRegionCode());
        return new Location(new AreaRef(municipality.code(), municipality.name()),
                new AreaRef(region.code(), region.name()));
    }

    private Optional<Municipality> nearestWithinTolerance(Point point) {
        if (toleranceMetres == 0) {
            return Optional.empty();
        }
        // One degree of latitude is about 111 km; longitude degrees are shorter, so this box is generous.
        double degrees = toleranceMetres / 60_000.0;
        Envelope search = new Envelope(point.getCoordinate());
        search.expandBy(degrees);
        @SuppressWarnings("unchecked")
        List<Indexed> candidates = index.query(search);
        Municipality nearest = null;
        double nearestMetres = Double.MAX_VALUE;
        for (Indexed candidate : candidates) {
            Coordinate closest = DistanceOp.nearestPoints(candidate.municipality().boundary(), point)[0];
            double metres = GeoMath.distanceMetres(point.getY(), point.getX(), closest.y, closest.x);
            if (metres <= toleranceMetres && metres < nearestMetres) {
                nearest = candidate.municipality();
                nearestMetres = metres;
            }
        }
        return Optional.ofNullable(nearest);
    }

    private record Indexed(Municipality municipality, PreparedGeometry prepared) {
    }
}
