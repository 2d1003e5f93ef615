package nl.paraat.device;

import nl.paraat.common.Secrets;

/** The key a push token is known by in the database: its SHA-256 digest, short enough to be indexed. */
final class PushTokens {

    private PushTokens() {
    }

    static String digest(String token) {
        return token == null ? null : Secrets.hash(token);
    }
}
