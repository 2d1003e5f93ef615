package nl.paraat.alert;

import nl.paraat.common.GeoJson;
import nl.paraat.common.Problem;
import nl.paraat.region.RegionService;

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
        for (String code : AlertSteps.split(message.areaCodes(), ",")) {
            regions.boundary(code).ifPresent(boundary -> geometries.add(GeoJson.polygonal(boundary)));
        }
        List<Problem.FieldError> ignored = new ArrayList<>();
        for (String polygon : AlertSteps.split(message.polygons(), "\n")) {
            AlertArea.polygon(polygon, "polygon", ignored).ifPresent(shape -> geometries.add(GeoJson.polygonal(shape)));
        }
        for (String circle : AlertSteps.split(message.circles(), "\n")) {
            AlertArea.circle(circle, "circle", ignored).ifPresent(shape -> geometries.add(GeoJson.polygonal(shape)));
        }
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "GeometryCollection");
        collection.put("geometries", geometries);
        return collection;
    }
}
