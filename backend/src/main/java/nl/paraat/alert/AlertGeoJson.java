package nl.paraat.alert;

import nl.paraat.common.Problem;
import nl.paraat.region.RegionService;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The area of a message as a GeoJSON GeometryCollection (RFC 7946, lon/lat), for drawing it on a
 * map: the boundaries of its area codes and its polygons and circles (a circle as a polygon).
 */
final class AlertGeoJson {

    private AlertGeoJson() {
    }

    static Map<String, Object> of(AlertMessage message, RegionService regions) {
        List<Object> geometries = new ArrayList<>();
        for (String code : AlertWorkflow.split(message.areaCodes(), ",")) {
            regions.boundary(code).ifPresent(boundary -> geometries.add(geometry(boundary)));
        }
        List<Problem.FieldError> ignored = new ArrayList<>();
        for (String polygon : AlertWorkflow.split(message.polygons(), "\n")) {
            AlertArea.polygon(polygon, "polygon", ignored).ifPresent(shape -> geometries.add(geometry(shape)));
        }
        for (String circle : AlertWorkflow.split(message.circles(), "\n")) {
            AlertArea.circle(circle, "circle", ignored).ifPresent(shape -> geometries.add(geometry(shape)));
        }
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "GeometryCollection");
        collection.put("geometries", geometries);
        return collection;
    }

    private static Map<String, Object> geometry(Geometry geometry) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (geometry instanceof Polygon polygon) {
            json.put("type", "Polygon");
            json.put("coordinates", rings(polygon));
        } else {
            List<Object> polygons = new ArrayList<>();
            for (int i = 0; i < geometry.getNumGeometries(); i++) {
                polygons.add(rings((Polygon) geometry.getGeometryN(i)));
            }
            json.put("type", "MultiPolygon");
            json.put("coordinates", polygons);
        }
        return json;
    }

    private static List<Object> rings(Polygon polygon) {
        List<Object> rings = new ArrayList<>();
        rings.add(positions(polygon.getExteriorRing().getCoordinates()));
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            rings.add(positions(polygon.getInteriorRingN(i).getCoordinates()));
        }
        return rings;
    }

    private static List<Object> positions(Coordinate[] coordinates) {
        List<Object> positions = new ArrayList<>(coordinates.length);
        for (Coordinate coordinate : coordinates) {
            positions.add(List.of(round(coordinate.x), round(coordinate.y)));
        }
        return positions;
    }

    private static double round(double degrees) {
        return Math.round(degrees * 100_000) / 100_000.0;
    }
}
