package nl.paraat.push;

import java.time.Duration;
import java.util.Map;

/**
 * One notification to one device.
 *
 * @param collapseKey the same for every version of an alert, so that an update replaces the earlier notification
 * @param timeToLive  how long the push service keeps trying to deliver: until the alert expires
 * @param urgent      severe alerts: delivered at once and shown even when the phone is set to focus
 */
public record PushMessage(String token, String title, String body, Map<String, String> data, String collapseKey,
                          Duration timeToLive, boolean urgent) {
}
