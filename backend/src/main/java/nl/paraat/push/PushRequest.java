package nl.paraat.push;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Everything push needs to notify residents of one published message, taken when it is published:
 * push keeps it, so that sending never has to ask the alert feature again.
 *
 * @param organisation   the code of the organisation that sent the message; only its members may read the delivery
 * @param collapseKey    the same for a message and every update or cancellation of it
 * @param testOnly       an exercise or test: only devices that opted in receive it
 * @param municipalities every municipality the area touches
 * @param cells          the location cells (geohashes) whose devices are reached, all within the sender's area
 * @param texts          headline and text per language; Dutch always present
 * @param boundingBox    {west, south, east, north} of the area
 * @param publishedAlone published by one person without a second person's approval (immediate danger)
 */
@Serdeable
// Empty sets too: left out, they would come back as null.
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PushRequest(long alertId, String identifier, String organisation, String msgType, String severity,
                          boolean urgent, boolean testOnly, String collapseKey, Instant expires,
                          Set<String> municipalities, Set<String> cells, Map<String, Text> texts, double[] boundingBox,
                          boolean publishedAlone) {

    @Serdeable
    public record Text(String headline, String description) {
    }
}
