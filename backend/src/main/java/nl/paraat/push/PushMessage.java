package nl.paraat.push;

import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.util.Map;

/**
 * One notification to one device (by its token) or, in topic mode, to everyone subscribed to a topic.
 *
 * @param collapseKey the same for every version of an alert, so that an update replaces the earlier notification
 * @param timeToLive  how long the push service keeps trying to deliver: until the alert expires
 * @param urgent      severe alerts: delivered at once and shown even when the phone is set to focus
 * @param title       null for a silent (data-only) message that the app handles in the background
 */
public record PushMessage(@Nullable String token, @Nullable String topic, @Nullable String title, @Nullable String body,
                          Map<String, String> data, String collapseKey, Duration timeToLive, boolean urgent) {

    /** A data-only message at normal priority: nothing is shown, the app wakes up to act on the data. */
    static PushMessage silent(Map<String, String> data, String collapseKey, Duration timeToLive) {
        return new PushMessage(null, null, null, null, data, collapseKey, timeToLive, false);
    }

    public boolean silent() {
        return title == null;
    }

    public PushMessage forTopic(String topicName) {
        return new PushMessage(null, topicName, title, body, data, collapseKey, timeToLive, urgent);
    }

    /** The same message to one device. */
    public PushMessage forToken(String deviceToken) {
        return new PushMessage(deviceToken, null, title, body, data, collapseKey, timeToLive, urgent);
    }

    /** What this message has in common with the same message to other devices or topics. */
    PushMessage withoutTarget() {
        return new PushMessage(null, null, title, body, data, collapseKey, timeToLive, urgent);
    }

    /** The device token or the topic: what the result of sending is reported by. */
    public String target() {
        return token != null ? token : "/topics/" + topic;
    }
}
