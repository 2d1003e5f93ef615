package nl.paraat.push;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import nl.paraat.common.SigningKeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes an alert's push message in one language: the title and body the phone shows, the data the
 * app acts on, and a signature over both. Not yet addressed to a device or topic, so that it is written
 * once per language, not once per device.
 */
@Singleton
class PushTexts {

    private static final int MAX_BODY = 300;

    /** What a cancellation says before its headline, so that nobody mistakes it for the warning itself. */
    private static final Map<String, String> CANCELLED = Map.of("nl", "Ingetrokken: ", "en", "Cancelled: ");

    private static final int WRITTEN_KEPT = 256;

    private final SigningKeys signing;
    private final JsonMapper json;
    private final Clock clock;
    /**
     * Messages already written and signed, per request and language: a retried batch of a few messages
     * would otherwise sign its text again (an ES256 signature costs more than sending a message).
     */
    private final Map<Written, PushMessage> written = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Written, PushMessage> eldest) {
            return size() > WRITTEN_KEPT;
        }
    };

    PushTexts(SigningKeys signing, JsonMapper json, Clock clock) {
        this.signing = signing;
        this.json = json;
        this.clock = clock;
    }

    private static PushRequest.Text text(PushRequest content, String locale) {
        return content.texts().getOrDefault(locale, content.texts().get("nl"));
    }

    /** The message in one language, not yet addressed to a device or topic; its time to live counts down to the expiry. */
    PushMessage write(PushRequest content, String locale) {
        PushMessage message;
        // Signed under the lock: a miss comes once per request and language, and is then never signed twice.
        synchronized (written) {
            message = written.computeIfAbsent(new Written(content, locale), key -> writeAndSign(content, locale));
        }
        Duration ttl = Duration.between(clock.instant(), content.expires());
        return new PushMessage(null, null, message.title(), message.body(), message.data(), message.collapseKey(),
                ttl.isNegative() ? Duration.ZERO : ttl, message.urgent());
    }

    /** One request (the very object push keeps for it) in one language. */
    private record Written(PushRequest content, String locale) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Written that && that.content == content && that.locale.equals(locale);
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(content) + locale.hashCode();
        }
    }

    private PushMessage writeAndSign(PushRequest content, String locale) {
        PushRequest.Text text = text(content, locale);
        boolean cancel = "Cancel".equals(content.msgType());
        String title = cancel ? CANCELLED.getOrDefault(content.texts().containsKey(locale) ? locale : "nl",
                CANCELLED.get("nl")) + text.headline() : text.headline();
        String body = text.description().length() <= MAX_BODY ? text.description()
                : text.description().substring(0, MAX_BODY - 1) + "…";
        Map<String, String> data = new LinkedHashMap<>();
        data.put("alertId", Long.toString(content.alertId()));
        data.put("identifier", content.identifier());
        data.put("msgType", content.msgType());
        data.put("severity", content.severity());
        double[] box = content.boundingBox();
        data.put("bbox", box[0] + "," + box[1] + "," + box[2] + "," + box[3]);
        data.put("link", "paraat://alerts/" + content.alertId());
        data.put("sig", signature(data, title, body));
        return new PushMessage(null, null, title, body, java.util.Collections.unmodifiableMap(data), content.collapseKey(),
                Duration.ZERO, content.urgent());
    }

    /**
     * A compact JWS (ES256) over the message as the phone shows it, so that an app can tell a Paraat
     * alert from a forged one with the keys of its offline bundle; built once per language, not per device.
     */
    private String signature(Map<String, String> data, String title, String body) {
        Map<String, String> signed = new LinkedHashMap<>(data);
        signed.put("title", title);
        signed.put("body", body);
        try {
            return signing.signAttached(json.writeValueAsBytes(signed));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
