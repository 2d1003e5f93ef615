package nl.paraat.point;

import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import nl.paraat.common.CsvLine;
import nl.paraat.common.ProblemException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads an import file — a GeoJSON FeatureCollection of Points, or CSV with a header row — into
 * point requests, noting every value it cannot read with its row and field. Field names are those
 * of the API in both formats.
 */
@Singleton
class PointImport {

    static final List<String> CSV_COLUMNS = List.of("externalId", "name", "type", "latitude", "longitude", "address",
            "postalCode", "city", "municipality", "facilities", "capacity", "openingHours", "status", "statusNote");
    private static final Set<String> REQUIRED_COLUMNS = Set.of("externalId", "name", "type", "latitude", "longitude");

    private final JsonMapper json;
    private final PointConfiguration configuration;

    PointImport(JsonMapper json, PointConfiguration configuration) {
        this.json = json;
        this.configuration = configuration;
    }

    record Row(int number, PointRequest request) {
    }

    record Parsed(String format, int rowCount, List<Row> rows, List<PointViews.ImportError> errors) {
    }

    Parsed parse(byte[] body, String contentType) {
        String mediaType = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        String format = switch (mediaType) {
            case "text/csv" -> "csv";
            case "application/geo+json", "application/json" -> "geojson";
            default -> throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Send text/csv or application/geo+json.", List.of());
        };
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return failed(format, "the file is not UTF-8 text");
        }
        return format.equals("csv") ? csv(text) : geoJson(text);
    }

    private Parsed csv(String text) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        if (lines.length == 0 || lines[0].isBlank()) {
            return failed("csv", "the file has no header row");
        }
        String[] header = CsvLine.split(lines[0].replace("\uFEFF", ""));
        List<PointViews.ImportError> errors = new ArrayList<>();
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            String column = header[i].strip();
            if (!CSV_COLUMNS.contains(column)) {
                errors.add(new PointViews.ImportError(1, column, "unknown column; use " + String.join(",", CSV_COLUMNS)));
            } else if (columns.putIfAbsent(column, i) != null) {
                errors.add(new PointViews.ImportError(1, column, "column appears twice"));
            }
        }
        REQUIRED_COLUMNS.stream().filter(required -> !columns.containsKey(required)).sorted()
                .forEach(missing -> errors.add(new PointViews.ImportError(1, missing, "required column is missing")));
        if (!errors.isEmpty()) {
            return new Parsed("csv", 0, List.of(), errors);
        }
        List<Row> rows = new ArrayList<>();
        int rowCount = 0;
        for (int line = 1; line < lines.length; line++) {
            if (lines[line].isBlank()) {
                continue;
            }
            if (++rowCount > configuration.maxImportRows()) {
                return failed("csv", "more than " + configuration.maxImportRows() + " points in one file");
            }
            String[] cells = CsvLine.split(lines[line]);
            int number = line + 1;
            if (cells.length != header.length) {
                errors.add(new PointViews.ImportError(number, "row", "has " + cells.length + " fields; the header has " + header.length));
                continue;
            }
            Fields fields = new Fields(number, errors, name -> {
                Integer index = columns.get(name);
                String value = index == null ? null : cells[index].strip();
                return value == null || value.isEmpty() ? null : value;
            });
            fields.request(fields.number("latitude"), fields.number("longitude"), fields.list("facilities", ";"))
                    .ifPresent(request -> rows.add(new Row(number, request)));
        }
        return new Parsed("csv", rowCount, rows, errors);
    }

    private Parsed geoJson(String text) {
        JsonNode root;
        try {
            root = json.readValue(text, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            return failed("geojson", "the file is not valid JSON");
        }
        if (root == null || !root.isObject() || root.get("type") == null
                || !"FeatureCollection".equals(root.get("type").coerceStringValue())
                || root.get("features") == null || !root.get("features").isArray()) {
            return failed("geojson", "expected a GeoJSON FeatureCollection");
        }
        JsonNode features = root.get("features");
        if (features.size() > configuration.maxImportRows()) {
            return failed("geojson", "more than " + configuration.maxImportRows() + " points in one file");
        }
        List<Row> rows = new ArrayList<>();
        List<PointViews.ImportError> errors = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            int number = i + 1;
            JsonNode feature = features.get(i);
            JsonNode geometry = feature.isObject() ? feature.get("geometry") : null;
            JsonNode coordinates = geometry != null && geometry.isObject() ? geometry.get("coordinates") : null;
            if (geometry == null || !geometry.isObject() || geometry.get("type") == null
                    || !"Point".equals(geometry.get("type").coerceStringValue())) {
                errors.add(new PointViews.ImportError(number, "geometry", "must be a GeoJSON Point"));
                continue;
            }
            if (coordinates == null || !coordinates.isArray() || coordinates.size() < 2
                    || !coordinates.get(0).isNumber() || !coordinates.get(1).isNumber()) {
                errors.add(new PointViews.ImportError(number, "geometry", "coordinates must be [longitude, latitude]"));
                continue;
            }
            JsonNode properties = feature.get("properties");
            if (properties == null || !properties.isObject()) {
                errors.add(new PointViews.ImportError(number, "properties", "must be an object"));
                continue;
            }
            Fields fields = new Fields(number, errors, name -> {
                JsonNode value = properties.get(name);
                if (value == null || value.isNull()) {
                    return null;
                }
                if (value.isArray()) {
                    List<String> items = new ArrayList<>();
                    value.values().forEach(item -> items.add(item.coerceStringValue()));
                    return String.join(";", items);
                }
                return value.isContainerNode() ? "{}" : value.coerceStringValue();
            });
            fields.request(coordinates.get(1).getNumberValue().doubleValue(),
                            coordinates.get(0).getNumberValue().doubleValue(), fields.list("facilities", ";"))
                    .ifPresent(request -> rows.add(new Row(number, request)));
        }
        return new Parsed("geojson", features.size(), rows, errors);
    }

    private static Parsed failed(String format, String message) {
        return new Parsed(format, 0, List.of(), List.of(new PointViews.ImportError(0, "file", message)));
    }

    /** Typed access to one row's values, recording what cannot be read. */
    private record Fields(int row, List<PointViews.ImportError> errors, Function<String, String> raw) {

        java.util.Optional<PointRequest> request(Double latitude, Double longitude, List<String> facilityCodes) {
            int before = errors.size();
            PointType type = code("type", PointType::find);
            PointStatus status = code("status", PointStatus::find);
            Set<Facility> facilities = EnumSet.noneOf(Facility.class);
            for (String code : facilityCodes) {
                Facility.find(code).ifPresentOrElse(facilities::add, () -> error("facilities", "unknown facility '" + code + "'"));
            }
            Integer capacity = integer("capacity");
            if (latitude != null && longitude != null && (!Double.isFinite(latitude) || !Double.isFinite(longitude))) {
                error("latitude", "must be a number");
            }
            if (errors.size() > before) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new PointRequest(raw.apply("externalId"), raw.apply("name"), type,
                    raw.apply("address"), raw.apply("postalCode"), raw.apply("city"), raw.apply("municipality"),
                    latitude, longitude, facilities, capacity, raw.apply("openingHours"), status, null,
                    raw.apply("statusNote"), null));
        }

        Double number(String name) {
            String value = raw.apply(name);
            if (value == null) {
                return null;
            }
            try {
                double parsed = Double.parseDouble(value);
                if (Double.isFinite(parsed)) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            error(name, "'" + abbreviate(value) + "' is not a number");
            return null;
        }

        Integer integer(String name) {
            String value = raw.apply(name);
            if (value == null) {
                return null;
            }
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                error(name, "'" + abbreviate(value) + "' is not a whole number");
                return null;
            }
        }

        List<String> list(String name, String separator) {
            String value = raw.apply(name);
            return value == null ? List.of() : Arrays.stream(value.split(separator)).map(String::strip)
                    .filter(item -> !item.isEmpty()).toList();
        }

        <T> T code(String name, Function<String, java.util.Optional<T>> lookup) {
            String value = raw.apply(name);
            if (value == null) {
                return null;
            }
            return lookup.apply(value).orElseGet(() -> {
                error(name, "unknown " + name + " '" + abbreviate(value) + "'");
                return null;
            });
        }

        void error(String field, String message) {
            errors.add(new PointViews.ImportError(row, field, message));
        }

        private static String abbreviate(String value) {
            return value.length() <= 40 ? value : value.substring(0, 40) + "…";
        }
    }
}
