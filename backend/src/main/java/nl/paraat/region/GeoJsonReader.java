package nl.paraat.region;

import io.micronaut.json.tree.JsonNode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/** Reads the Polygon and MultiPolygon geometries of a GeoJSON feature (lon/lat, WGS84). */
final class GeoJsonReader {

    static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    private GeoJsonReader() {
    }

    static Geometry geometry(JsonNode geometry) {
        String type = geometry.get("type").getStringValue();
        JsonNode coordinates = geometry.get("coordinates");
        return switch (type) {
            case "Polygon" -> polygon(coordinates);
            case "MultiPolygon" -> {
                Polygon[] polygons = new Polygon[coordinates.size()];
                for (int i = 0; i < polygons.length; i++) {
                    polygons[i] = polygon(coordinates.get(i));
                }
                yield FACTORY.createMultiPolygon(polygons);
            }
            default -> throw new IllegalStateException("Unsupported boundary geometry " + type);
        };
    }

    private static Polygon polygon(JsonNode rings) {
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode positions) {
        Coordinate[] coordinates = new Coordinate[positions.size()];
        for (int i = 0; i < coordinates.length; i++) {
            JsonNode position = positions.get(i);
            coordinates[i] = new Coordinate(position.get(0).getNumberValue().doubleValue(),
                    position.get(1).getNumberValue().doubleValue());
        }
        return FACTORY.createLinearRing(coordinates);
    }
}
