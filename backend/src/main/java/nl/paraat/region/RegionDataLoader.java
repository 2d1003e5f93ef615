package nl.paraat.region;

import io.micronaut.json.JsonMapper;
import nl.paraat.common.CsvLine;
import io.micronaut.json.tree.JsonNode;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryFixer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the CBS/Kadaster 2025 boundaries shipped in {@code regions/}. A municipality's safety region
 * comes from the mapping CSV, not from the region polygons: the two layers are generalised
 * separately and disagree near borders.
 */
final class RegionDataLoader {

    private static final String BASE = "regions/";

    private RegionDataLoader() {
    }

    static List<SafetyRegion> load(JsonMapper json) {
        Map<String, String[]> mapping = readMapping();
        Map<String, Geometry> municipalityBoundaries = readBoundaries(json, "gemeente_2025.geojson");
        Map<String, Geometry> regionBoundaries = readBoundaries(json, "veiligheidsregio_2025.geojson");

        Map<String, List<Municipality>> byRegion = new TreeMap<>();
        Map<String, String> regionNames = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> row : mapping.entrySet()) {
            String[] columns = row.getValue();
            Geometry boundary = municipalityBoundaries.get(row.getKey());
            if (boundary == null) {
                throw new IllegalStateException("No boundary for municipality " + row.getKey());
            }
            regionNames.put(columns[2], columns[3]);
            byRegion.computeIfAbsent(columns[2], k -> new ArrayList<>())
                    .add(new Municipality(row.getKey(), columns[1], columns[2], boundary));
        }
        if (municipalityBoundaries.size() != mapping.size()) {
            throw new IllegalStateException("Boundaries and mapping disagree on the municipalities");
        }
        List<SafetyRegion> regions = new ArrayList<>();
        byRegion.forEach((code, municipalities) -> {
            municipalities.sort(Comparator.comparing(Municipality::code));
            Geometry boundary = regionBoundaries.get(code);
            if (boundary == null) {
                throw new IllegalStateException("No boundary for safety region " + code);
            }
            regions.add(new SafetyRegion(code, regionNames.get(code), List.copyOf(municipalities), boundary));
        });
        return List.copyOf(regions);
    }

    private static Map<String, Geometry> readBoundaries(JsonMapper json, String file) {
        try (InputStream in = open(file)) {
            JsonNode features = json.readValue(in.readAllBytes(), JsonNode.class).get("features");
            Map<String, Geometry> boundaries = new TreeMap<>();
            for (JsonNode feature : features.values()) {
                String code = feature.get("properties").get("statcode").getStringValue();
                boundaries.put(code, valid(GeoJsonReader.geometry(feature.get("geometry"))));
            }
            return boundaries;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /**
     * Generalised outlines can cross themselves (GM0293 Westervoort and GM1676 Schouwen-Duiveland do);
     * overlay operations on such a ring fail, so every outline is repaired once, here.
     */
    static Geometry valid(Geometry outline) {
        return outline.isValid() ? outline : GeometryFixer.fix(outline);
    }

    /** @return municipality code to {code, name, region code, region name} */
    private static Map<String, String[]> readMapping() {
        String file = "gemeente_veiligheidsregio_2025.csv";
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8))) {
            Map<String, String[]> rows = new TreeMap<>();
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    String[] columns = CsvLine.split(line);
                    rows.put(columns[0], columns);
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static InputStream open(String file) {
        InputStream in = RegionDataLoader.class.getClassLoader().getResourceAsStream(BASE + file);
        if (in == null) {
            throw new IllegalStateException("Missing resource " + BASE + file);
        }
        return in;
    }
}
