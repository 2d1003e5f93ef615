package nl.paraat.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;
import nl.paraat.common.SigningKeys;

/**
 * A bundle or a delta as sent: the JSON, the same compressed once (not per request), and a detached
 * JWS over the JSON.
 *
 * @param version the bundle version the phone holds after applying this response
 */
record BundleResponse(byte[] json, byte[] gzip, String signature, String version) {

    static BundleResponse of(byte[] json, String version, SigningKeys keys) {
        return new BundleResponse(json, gzip(json), keys.signDetached(json), version);
    }

    String etag() {
        return "\"" + version + "\"";
    }

    private static byte[] gzip(byte[] json) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(json.length / 4 + 64);
        try (GZIPOutputStream out = new GZIPOutputStream(compressed) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
            }
        }) {
            out.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
    }
}
