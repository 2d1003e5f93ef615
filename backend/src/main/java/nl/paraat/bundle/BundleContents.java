package nl.paraat.bundle;

import io.micronaut.json.JsonMapper;
import nl.paraat.common.Digest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The items of one bundle, each already written as JSON, by group ({@code pages}, {@code checklists},
 * {@code points}, {@code alerts}, {@code area}, {@code keys}) and key. Every item has a digest, so
 * two versions can be compared item by item, and the version is the digest of them all.
 */
record BundleContents(Map<String, Map<String, byte[]>> groups, String manifest, String version) {

    static final int SCHEMA_VERSION = 1;
    static final java.util.List<String> GROUPS = java.util.List.of("pages", "checklists", "points", "alerts", "area", "keys");

    static BundleContents of(Map<String, Map<String, Object>> items, JsonMapper json) {
        Map<String, Map<String, byte[]>> groups = new TreeMap<>();
        StringBuilder manifest = new StringBuilder();
        for (String group : GROUPS) {
            Map<String, byte[]> written = new TreeMap<>();
            items.getOrDefault(group, Map.of()).forEach((key, item) -> written.put(key, write(json, item)));
            groups.put(group, written);
            written.forEach((key, bytes) -> manifest.append(group).append('/').append(key).append('=')
                    .append(Digest.of(bytes)).append('\n'));
        }
        String text = manifest.toString();
        return new BundleContents(groups, text, Digest.of(("schema " + SCHEMA_VERSION + "\n" + text).getBytes(StandardCharsets.UTF_8)));
    }

    /** The digest of one group, so that an app sees at a glance which parts changed. */
    String partVersion(String group) {
        StringBuilder lines = new StringBuilder();
        manifest.lines().filter(line -> line.startsWith(group + "/")).forEach(line -> lines.append(line).append('\n'));
        return Digest.of(lines.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** group/key → digest, from a manifest's lines. */
    static Map<String, String> digests(String manifest) {
        Map<String, String> digests = new TreeMap<>();
        manifest.lines().forEach(line -> {
            int equals = line.lastIndexOf('=');
            digests.put(line.substring(0, equals), line.substring(equals + 1));
        });
        return digests;
    }

    private static byte[] write(JsonMapper json, Object item) {
        try {
            return json.writeValueAsBytes(item);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
