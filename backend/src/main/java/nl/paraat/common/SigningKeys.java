package nl.paraat.common;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Paraat's signing keys. Bundles and alerts are signed with detached JWS (RFC 7515, appendix F) using
 * ES256, so anything that can check a JWS can check them, with the public keys published at
 * {@code /api/v1/keys} and inside every bundle. Announcing the next key before signing with it lets an
 * app that holds an old bundle trust data signed after the rotation. Read at start-up, so that a bad
 * key file stops the server instead of the first download.
 */
@Context
@Requires(notEnv = Environment.CLI)
public class SigningKeys {

    /** The response header that carries the detached signature of a signed body (bundles, alerts). */
    public static final String SIGNATURE_HEADER = "Paraat-Signature";

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);

    private final ECKey current;
    private final ECDSASigner signer;
    private final JWKSet publicKeys;

    SigningKeys(SigningConfiguration configuration) {
        JWKSet keys = load(Path.of(configuration.keysFile()));
        String wanted = configuration.currentKeyId();
        JWK chosen = wanted == null ? keys.getKeys().get(0) : keys.getKeyByKeyId(wanted);
        if (!(chosen instanceof ECKey ec) || !ec.isPrivate() || !Curve.P_256.equals(ec.getCurve())) {
            throw new IllegalStateException("Signing key " + (wanted == null ? "(the first)" : wanted) + " in "
                    + configuration.keysFile() + " must be a private P-256 EC key");
        }
        this.current = ec;
        this.publicKeys = keys.toPublicJWKSet();
        try {
            this.signer = new ECDSASigner(ec);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign with key " + ec.getKeyID(), e);
        }
    }

    /** A detached compact JWS over the bytes: {@code header..signature}. */
    public String signDetached(byte[] payload) {
        return sign(payload).serialize(true);
    }

    /** A compact JWS carrying the payload, for data that travels on its own (a push message). */
    public String signAttached(byte[] payload) {
        return sign(payload).serialize();
    }

    private JWSObject sign(byte[] payload) {
        try {
            JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(current.getKeyID()).build(),
                    new Payload(payload));
            jws.sign(signer);
            return jws;
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing failed", e);
        }
    }

    public String currentKeyId() {
        return current.getKeyID();
    }

    /** The public keys, current and announced, as a JWK Set. */
    public Map<String, Object> publicJwkSet() {
        return publicKeys.toJSONObject(true);
    }

    public List<JWK> publicKeys() {
        return publicKeys.getKeys();
    }

    private static JWKSet load(Path file) {
        try {
            if (!Files.exists(file)) {
                generate(file);
            }
            JWKSet keys = JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (keys.getKeys().isEmpty()) {
                throw new IllegalStateException("No keys in " + file);
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read signing keys from " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException("Signing keys in " + file + " are not a JWK Set: " + e.getMessage(), e);
        }
    }

    private static void generate(Path file) throws IOException {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .keyID("paraat-" + LocalDate.now()).generate();
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, new JWKSet(key).toString(false), StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the file system has no owner-only mode; the folder's protection applies
            }
            LOG.warn("Generated a new signing key {} in {}: give every instance of a deployment the same file", key.getKeyID(), file);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate a signing key", e);
        }
    }
}
