package nl.paraat.alert;

import io.micronaut.core.annotation.Nullable;
import nl.paraat.common.Problem;
import nl.paraat.content.Hazard;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Paraat's own rules for a valid CAP message before it becomes an alert: Dutch text, a hazard code,
 * an expiry, one set of codes for all languages, and an area of CBS codes, polygons or circles.
 */
final class CapImport {

    /** As long as the identifier column. */
    static final int MAX_IDENTIFIER = 200;

    private CapImport() {
    }

    /** @param referenced the identifier of the message an Update or Cancel replaces */
    record Converted(AlertViews.AlertRequest request, String identifier, Cap.MsgType msgType, @Nullable String referenced) {
    }

    /** @param languages the languages Paraat serves; blocks in other languages are valid CAP that Paraat leaves out */
    static Optional<Converted> convert(CapMessage message, java.util.Collection<String> languages, List<Problem.FieldError> errors) {
        if (message.otherMsgType() != null) {
            errors.add(new Problem.FieldError("/alert/msgType", "Paraat does not accept " + message.otherMsgType()
                    + " messages: it imports Alert, Update and Cancel"));
            return Optional.empty();
        }
        if (message.identifier() != null && message.identifier().length() > MAX_IDENTIFIER) {
            errors.add(new Problem.FieldError("/alert/identifier", "Paraat keeps identifiers of at most " + MAX_IDENTIFIER
                    + " characters (now " + message.identifier().length() + ")"));
        }
        if (message.status() == Cap.Status.Draft) {
            errors.add(new Problem.FieldError("/alert/status", "Draft messages are not accepted; Paraat keeps drafts itself"));
        }
        if (message.infos().isEmpty()) {
            errors.add(new Problem.FieldError("/alert/info", "at least one info block is needed"));
            return Optional.empty();
        }
        CapMessage.Info first = message.infos().get(0);
        Map<String, AlertViews.InfoRequest> texts = new TreeMap<>();
        Set<String> codes = new LinkedHashSet<>();
        Set<String> polygons = new LinkedHashSet<>();
        Set<String> circles = new LinkedHashSet<>();
        String hazardCode = null;
        for (int i = 0; i < message.infos().size(); i++) {
            CapMessage.Info info = message.infos().get(i);
            String path = "/alert/info[" + (i + 1) + "]";
            if (info.urgency() != first.urgency() || info.severity() != first.severity()
                    || info.certainty() != first.certainty() || !java.util.Objects.equals(info.expires(), first.expires())) {
                errors.add(new Problem.FieldError(path, "every language must have the same urgency, severity, certainty and expires"));
            }
            // A block in a language Paraat does not serve is valid CAP: its text is not imported, its area and codes count.
            boolean served = languages.contains(info.language());
            if (served && (info.headline() == null || info.description() == null)) {
                errors.add(new Problem.FieldError(path + (info.headline() == null ? "/headline" : "/description"),
                        "Paraat needs a headline and a description in every language"));
            } else if (served && texts.putIfAbsent(info.language(), new AlertViews.InfoRequest(info.event(), info.headline(),
                    info.description(), info.instruction())) != null) {
                errors.add(new Problem.FieldError(path + "/language", "language '" + info.language() + "' appears twice"));
            }
            if (info.eventCodes().containsKey(CapMessage.EVENT_CODE_HAZARD)) {
                hazardCode = info.eventCodes().get(CapMessage.EVENT_CODE_HAZARD);
            }
            for (CapMessage.Area area : info.areas()) {
                codes.addAll(area.geocodes());
                polygons.addAll(area.polygons());
                circles.addAll(area.circles());
            }
        }
        if (!texts.containsKey("nl")) {
            errors.add(new Problem.FieldError("/alert/info", "a Dutch info block (language nl-NL) is required"));
        }
        Optional<Hazard> hazard = Optional.ofNullable(hazardCode).flatMap(Hazard::find);
        if (hazard.isEmpty()) {
            errors.add(new Problem.FieldError("/alert/info[1]/eventCode", "an eventCode with valueName '"
                    + CapMessage.EVENT_CODE_HAZARD + "' and a Paraat hazard code is required"));
        }
        if (first.expires() == null) {
            errors.add(new Problem.FieldError("/alert/info[1]/expires", "Paraat needs an expiry"));
        }
        if (codes.isEmpty() && polygons.isEmpty() && circles.isEmpty()) {
            errors.add(new Problem.FieldError("/alert/info[1]/area", "give geocodes (" + CapMessage.GEOCODE_CBS
                    + "), polygons or circles"));
        }
        if (!errors.isEmpty()) {
            return Optional.empty();
        }
        String referenced = message.references().isEmpty() ? null
                : message.references().get(message.references().size() - 1).split(",")[1];
        AlertViews.AlertRequest request = new AlertViews.AlertRequest(message.status(), hazard.get(), first.category(),
                first.urgency(), first.severity(), first.certainty(), first.responseType(), first.onset(), first.expires(),
                first.web(), new AlertViews.AreaRequest(new ArrayList<>(codes), new ArrayList<>(polygons),
                new ArrayList<>(circles)), texts);
        return Optional.of(new Converted(request, message.identifier(), message.msgType(), referenced));
    }
}
