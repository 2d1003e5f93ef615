package nl.paraat.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * API keys look like {@code prt_<public id>_<secret>}. The public id finds the row; the 256-bit
 * secret is stored only as its SHA-256 digest (a slow hash adds nothing for random secrets of this
 * length) and compared in constant time.
 */
final class ApiKeySecrets {

    static final String PREFIX = "prt_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private ApiKeySecrets() {
    }

    record Generated(String publicId, String token, String secretHash) {
    }

    record Parsed(String publicId, String secret) {
    }

    static Generated generate() {
        byte[] id = new byte[8];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        String publicId = HEX.formatHex(id);
        String encodedSecret = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new Generated(publicId, PREFIX + publicId + "_" + encodedSecret, hash(encodedSecret));
    }

    static Optional<Parsed> parse(String token) {
        if (!token.startsWith(PREFIX) || token.length() > 120) {
            return Optional.empty();
        }
        String rest = token.substring(PREFIX.length());
        int separator = rest.indexOf('_');
        if (separator != 16 || rest.length() == separator + 1) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(rest.substring(0, separator), rest.substring(separator + 1)));
    }

    static boolean matches(String secret, String storedHash) {
        return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    static String hash(String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HEX.formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
