package nl.paraat.bundle;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes a bundle from its items' JSON without parsing them again. A delta has the same shape with
 * only the changed items, plus the keys of removed ones, so an app merges it group by group.
 */
final class BundleWriter {

    private BundleWriter() {
    }

    static byte[] full(BundleContents contents, String region, String safetyRegion, String locale, Instant createdAt) {
        return write(contents, contents.groups(), Map.of(), null, region, safetyRegion, locale, createdAt);
    }

    static byte[] delta(BundleContents contents, Map<String, Map<String, byte[]>> changed,
                        Map<String, List<String>> removed, String base, String region, String safetyRegion, String locale,
                        Instant createdAt) {
        return write(contents, changed, removed, base, region, safetyRegion, locale, createdAt);
    }

    private static byte[] write(BundleContents contents, Map<String, Map<String, byte[]>> groups,
                                Map<String, List<String>> removed, String base, String region, String safetyRegion,
                                String locale, Instant createdAt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        text(out, "{\"schemaVersion\":" + BundleContents.SCHEMA_VERSION + ",\"version\":" + quoted(contents.version())
                + ",\"createdAt\":" + quoted(createdAt.toString()) + ",\"region\":" + quoted(region)
                + ",\"safetyRegion\":" + quoted(safetyRegion) + ",\"locale\":" + quoted(locale)
                + ",\"full\":" + (base == null) + (base == null ? "" : ",\"base\":" + quoted(base)) + ",\"parts\":{");
        String separator = "";
        for (String group : BundleContents.GROUPS) {
            text(out, separator + quoted(group) + ":" + quoted(contents.partVersion(group)));
            separator = ",";
        }
        text(out, "}");
        for (String group : BundleContents.GROUPS) {
            text(out, "," + quoted(group) + ":{");
            String comma = "";
            for (Map.Entry<String, byte[]> item : groups.getOrDefault(group, Map.of()).entrySet()) {
                text(out, comma + quoted(item.getKey()) + ":");
                out.writeBytes(item.getValue());
                comma = ",";
            }
            text(out, "}");
        }
        if (base != null) {
            text(out, ",\"removed\":{");
            String comma = "";
            for (Map.Entry<String, List<String>> group : removed.entrySet()) {
                text(out, comma + quoted(group.getKey()) + ":" + array(group.getValue()));
                comma = ",";
            }
            text(out, "}");
        }
        text(out, "}");
        return out.toByteArray();
    }

    private static String array(Collection<String> values) {
        StringBuilder json = new StringBuilder("[");
        for (String value : values) {
            json.append(json.length() > 1 ? "," : "").append(quoted(value));
        }
        return json.append(']').toString();
    }

    /** Keys and codes are ids, codes and hex digests: no character in them needs more than quotes. */
    private static String quoted(String value) {
        if (value.chars().anyMatch(c -> c == '"' || c == '\\' || c < 0x20)) {
            throw new IllegalArgumentException("Unexpected character in bundle key " + value);
        }
        return "\"" + value + "\"";
    }

    private static void text(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
