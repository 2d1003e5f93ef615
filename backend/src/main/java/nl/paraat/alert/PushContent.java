package nl.paraat.alert;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the push feature needs to notify residents of a published message.
 *
 * @param collapseKey    the same for a message and every update or cancellation of it
 * @param testOnly       an exercise or test: only devices that opted in receive it
 * @param municipalities every municipality the area touches
 * @param cells          the location cells (geohashes) whose devices are reached, all within the sender's area
 * @param texts          headline and text per language; Dutch always present
 * @param boundingBox    {west, south, east, north} of the area
 */
public record PushContent(long alertId, String identifier, String msgType, String severity, boolean urgent,
                          boolean testOnly, String collapseKey, Instant expires, Set<String> municipalities,
                          Set<String> cells, Map<String, Text> texts, double[] boundingBox) {

    public record Text(String headline, String description) {
    }

    public record Dispatch(long dispatchId, long alertId) {
    }
}
