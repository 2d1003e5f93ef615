package nl.paraat.common;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Polygons as GeoJSON geometries (RFC 7946, lon/lat), rounded to five decimals: about a metre. */
public final class GeoJson {

    private GeoJson() {
    }

    /** A Polygon, or a MultiPolygon of the polygons a collection holds. */
    public static Map<String, Object> polygonal(Geometry geometry) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (geometry instanceof Polygon polygon) {
            json.put("type", "Polygon");
            json.put("coordinates", rings(polygon));
        } else {
            List<Object> polygons = new ArrayList<>();
            for (int i = 0; i < geometry.getNumGeometries(); i++) {
                if (geometry.getGeometryN(i) instanceof Polygon polygon) {
                    polygons.add(rings(polygon));
                }
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
