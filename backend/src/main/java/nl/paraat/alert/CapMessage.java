package nl.paraat.alert;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A CAP 1.2 alert as read from XML, before Paraat's own rules are applied.
 *
 * @param msgType       null for an {@code Ack} or {@code Error}, which CAP allows and Paraat does not import
 * @param otherMsgType  the msgType then ({@code Ack} or {@code Error}); null otherwise
 */
record CapMessage(String identifier, String sender, Instant sent, Cap.Status status, @Nullable Cap.MsgType msgType,
                  @Nullable String otherMsgType, List<String> references, List<Info> infos) {

    record Info(String language, Cap.Category category, String event, @Nullable Cap.ResponseType responseType,
                Cap.Urgency urgency, Cap.Severity severity, Cap.Certainty certainty, Map<String, String> eventCodes,
                @Nullable Instant onset, @Nullable Instant expires, @Nullable String headline,
                @Nullable String description, @Nullable String instruction, @Nullable String web, List<Area> areas) {
    }

    record Area(String areaDesc, List<String> polygons, List<String> circles, List<String> geocodes) {
    }

    /** The geocode value name under which Paraat reads and writes CBS area codes (GMxxxx, VRxx). */
    static final String GEOCODE_CBS = "NL-CBS";
    /** The event code value name carrying Paraat's hazard code. */
    static final String EVENT_CODE_HAZARD = "paraat-hazard";
}
