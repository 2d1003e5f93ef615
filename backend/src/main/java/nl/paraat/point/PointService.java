package nl.paraat.point;

import nl.paraat.common.GeoMath;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import nl.paraat.auth.Actor;
import nl.paraat.auth.Caller;
import nl.paraat.auth.OrganisationService;
import nl.paraat.auth.Role;
import nl.paraat.common.ProblemException;
import nl.paraat.common.Representation;
import nl.paraat.region.RegionService;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resilience points: residents search them, authorities manage those in their area. After every
 * change this instance rebuilds its index before answering, so the change is visible here at once
 * and on other instances at their next version check.
 */
@Singleton
@Requires(notEnv = Environment.CLI)
public class PointService {

    static final int MAX_LIMIT = 100;
    static final double MAX_DISTANCE_KM = 500;

    private final PointCatalog catalog;
    private final PointWriter writer;
    private final PointImport importer;
    private final OrganisationService organisations;
    private final RegionService regions;
    private final JsonMapper json;

    PointService(PointCatalog catalog, PointWriter writer, PointImport importer, OrganisationService organisations,
                 RegionService regions, JsonMapper json) {
        this.catalog = catalog;
        this.writer = writer;
        this.importer = importer;
        this.organisations = organisations;
        this.regions = regions;
        this.json = json;
    }

    PointViews.Nearest nearest(double latitude, double longitude, int limit, Collection<String> facilityCodes,
                               Collection<String> statusCodes, @Nullable Double maxDistanceKm) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (maxDistanceKm != null && !(maxDistanceKm > 0 && maxDistanceKm <= MAX_DISTANCE_KM)) {
            throw ProblemException.invalid("maxDistanceKm", "must be more than 0 and at most " + MAX_DISTANCE_KM);
        }
        Set<Facility> facilities = EnumSet.noneOf(Facility.class);
        for (String code : facilityCodes) {
            facilities.add(Facility.find(code).orElseThrow(() -> ProblemException.invalid("facility",
                    "unknown facility '" + code + "'")));
        }
        Set<PointStatus> statuses = statusCodes.isEmpty() ? PointStatus.RESIDENT_DEFAULT : EnumSet.noneOf(PointStatus.class);
        for (String code : statusCodes) {
            PointStatus status = PointStatus.find(code).orElseThrow(() -> ProblemException.invalid("status",
                    "unknown status '" + code + "'"));
            if (status == PointStatus.PLANNED) {
                throw ProblemException.invalid("status", "planned points are not public");
            }
            statuses.add(status);
        }
        double maxMetres = maxDistanceKm == null ? Double.POSITIVE_INFINITY : maxDistanceKm * 1000;
        PointCatalog.Nearest found = catalog.nearest(latitude, longitude, limit, Facility.mask(facilities), statuses, maxMetres);
        List<PointViews.NearbyPoint> points = new ArrayList<>(found.hits().size());
        for (PointIndex.Hit hit : found.hits()) {
            Point point = hit.point();
            points.add(new PointViews.NearbyPoint(point, Math.round(hit.distanceMetres() * 10) / 10.0,
                    Math.round(GeoMath.bearingDegrees(latitude, longitude, point.latitude(), point.longitude()) * 10) / 10.0));
        }
        return new PointViews.Nearest(found.fromIndex() ? "index" : "database", points);
    }

    /** A point residents may see: any status but planned. */
    Point publicPoint(long id) {
        Point point = catalog.find(id);
        if (point == null || point.status() == PointStatus.PLANNED) {
            throw ProblemException.notFound("No point " + id + ".");
        }
        return point;
    }

    /** The public points (GeoJSON features, with status and opening hours) in these municipalities, by id. */
    public Map<String, Object> offlinePoints(Set<String> municipalities) {
        Map<String, Object> features = new java.util.TreeMap<>();
        publicPointsIn(index(), municipalities).forEach(point -> features.put(Long.toString(point.id()), PointViews.Feature.of(point)));
        return features;
    }

    private PointIndex index() {
        if (catalog.index() == null) {
            catalog.refresh();
        }
        return catalog.index();
    }

    /** The points residents may see (any status but planned) in these municipalities. */
    private static List<Point> publicPointsIn(PointIndex index, Set<String> municipalities) {
        List<Point> points = new ArrayList<>();
        for (Point point : index.all()) {
            if (point.status() != PointStatus.PLANNED && municipalities.contains(point.municipality())) {
                points.add(point);
            }
        }
        return points;
    }

    /** The public points of a region as a GeoJSON FeatureCollection, cached until the points change. */
    Representation featureCollection(String region) {
        String code = region == null ? "" : region.strip().toUpperCase(java.util.Locale.ROOT);
        if (code.isEmpty() || code.equals(RegionService.NATIONAL) || !regions.isKnownArea(code)) {
            throw ProblemException.invalid("region", "Give a municipality (GMxxxx) or safety region (VRxx) code.");
        }
        PointIndex index = index();
        Set<String> municipalities = regions.municipalitiesOf(code);
        return index.cached(code, key -> Representation.json(json, new PointViews.FeatureCollection("FeatureCollection",
                publicPointsIn(index, municipalities).stream().map(PointViews.Feature::of).toList())));
    }

    Point create(PointRequest request, Caller caller) {
        Point point = writer.create(request, actor(caller));
        catalog.refresh();
        return point;
    }

    Point replace(long id, PointRequest request, Caller caller) {
        Point point = writer.replace(id, request, actor(caller));
        catalog.refresh();
        return point;
    }

    Point patch(long id, PointPatch patch, Caller caller) {
        Actor actor = actor(caller);
        if ((patch.latitude() == null) != (patch.longitude() == null)) {
            throw ProblemException.invalid(patch.latitude() == null ? "latitude" : "longitude",
                    "latitude and longitude change together");
        }
        Point point = writer.replace(id, patch.applyTo(writer.find(id, actor)), actor);
        catalog.refresh();
        return point;
    }

    void delete(long id, Caller caller) {
        writer.delete(id, actor(caller));
        catalog.refresh();
    }

    Point managed(long id, Caller caller) {
        return writer.find(id, actor(caller));
    }

    List<PointViews.StatusChange> history(long id, Caller caller) {
        return writer.history(id, actor(caller));
    }

    PointViews.ImportReport importFile(byte[] body, String contentType, Caller caller) {
        Actor actor = actor(caller);
        PointViews.ImportReport report = writer.importRows(importer.parse(body, contentType), actor);
        if (report.errors().isEmpty()) {
            catalog.refresh();
        }
        return report;
    }

    PointViews.ActivationResult activate(PointViews.ActivationRequest request, Caller caller) {
        PointViews.ActivationResult result = writer.activate(request, actor(caller));
        catalog.refresh();
        return result;
    }

    private Actor actor(Caller caller) {
        caller.requireRole(Role.POINT_MANAGER);
        return organisations.actor(caller);
    }

}
