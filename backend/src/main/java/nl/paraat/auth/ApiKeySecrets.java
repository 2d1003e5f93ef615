package nl.paraat.auth;

import nl.paraat.common.Secrets;

import java.util.Optional;

/**
 * API keys look like {@code prt_<public id>_<secret>}. The public id finds the row; the 256-bit
 * secret is stored only as its digest.
 */
final class ApiKeySecrets {

    static final String PREFIX = "prt_";

    private ApiKeySecrets() {
    }

    record Generated(String publicId, String token, String secretHash) {
    }

    record Parsed(String publicId, String secret) {
    }

    static Generated generate() {
        String publicId = Secrets.randomHex(8);
        String secret = Secrets.random(32);
        return new Generated(publicId, PREFIX + publicId + "_" + secret, Secrets.hash(secret));
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
        return Secrets.matches(secret, storedHash);
    }
}
