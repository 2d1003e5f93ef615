package nl.paraat.alert;

import nl.paraat.common.Problem;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Strict reading of CAP 1.2: the namespace, every required element, the code lists, CAP's date
 * format and well-formed polygons and circles. Each problem names the element by its path, such as
 * {@code /alert/info[1]/area[1]/polygon[2]}.
 */
final class CapReader {

    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[-+]\\d{2}:\\d{2}");
    private static final Pattern NO_SPACE = Pattern.compile("[^\\s,<&]+");

    private final List<Problem.FieldError> errors = new ArrayList<>();

    private CapReader() {
    }

    record Result(Optional<CapMessage> message, List<Problem.FieldError> errors) {
    }

    static Result read(Document document) {
        CapReader reader = new CapReader();
        CapMessage message = reader.alert(document.getDocumentElement());
        return new Result(reader.errors.isEmpty() ? Optional.ofNullable(message) : Optional.empty(), List.copyOf(reader.errors));
    }

    private CapMessage alert(Element alert) {
        if (!"alert".equals(alert.getLocalName()) || !CapXml.NAMESPACE.equals(alert.getNamespaceURI())) {
            errors.add(new Problem.FieldError("/" + alert.getNodeName(), "the root must be <alert> in namespace " + CapXml.NAMESPACE));
            return null;
        }
        String identifier = token(alert, "identifier", "/alert");
        String sender = token(alert, "sender", "/alert");
        Instant sent = dateTime(alert, "sent", "/alert", true);
        Cap.Status status = code(alert, "status", "/alert", Cap.Status.class, true);
        // Ack and Error are CAP message types too: Paraat's rules refuse them, the reading does not.
        String msgTypeText = text(alert, "msgType", "/alert", false);
        String otherMsgType = List.of("Ack", "Error").contains(msgTypeText) ? msgTypeText : null;
        Cap.MsgType msgType = otherMsgType != null ? null : code(alert, "msgType", "/alert", Cap.MsgType.class, true);
        String scope = text(alert, "scope", "/alert", true);
        if (scope != null && !List.of("Public", "Restricted", "Private").contains(scope)) {
            errors.add(new Problem.FieldError("/alert/scope", "must be Public, Restricted or Private"));
        }
        List<String> references = new ArrayList<>();
        String referenceText = text(alert, "references", "/alert", false);
        if (referenceText != null) {
            for (String reference : referenceText.strip().split("\\s+")) {
                if (reference.split(",").length != 3) {
                    errors.add(new Problem.FieldError("/alert/references", "each reference is sender,identifier,sent"));
                } else {
                    references.add(reference);
                }
            }
        }
        if (msgType != null && msgType != Cap.MsgType.Alert && references.isEmpty()) {
            errors.add(new Problem.FieldError("/alert/references", "an " + msgType + " must reference the message it replaces"));
        }
        List<CapMessage.Info> infos = new ArrayList<>();
        List<Element> infoElements = children(alert, "info");
        for (int i = 0; i < infoElements.size(); i++) {
            infos.add(info(infoElements.get(i), "/alert/info[" + (i + 1) + "]"));
        }
        return new CapMessage(identifier, sender, sent, status, msgType, otherMsgType, references, infos);
    }

    private CapMessage.Info info(Element info, String path) {
        String language = Optional.ofNullable(text(info, "language", path, false)).orElse("en-US");
        Cap.Category category = code(info, "category", path, Cap.Category.class, true);
        String event = text(info, "event", path, true);
        Cap.ResponseType responseType = code(info, "responseType", path, Cap.ResponseType.class, false);
        Cap.Urgency urgency = code(info, "urgency", path, Cap.Urgency.class, true);
        Cap.Severity severity = code(info, "severity", path, Cap.Severity.class, true);
        Cap.Certainty certainty = code(info, "certainty", path, Cap.Certainty.class, true);
        Map<String, String> eventCodes = new LinkedHashMap<>();
        List<Element> codes = children(info, "eventCode");
        for (int i = 0; i < codes.size(); i++) {
            String codePath = path + "/eventCode[" + (i + 1) + "]";
            String name = text(codes.get(i), "valueName", codePath, true);
            String value = text(codes.get(i), "value", codePath, true);
            if (name != null && value != null) {
                eventCodes.put(name, value);
            }
        }
        Instant onset = dateTime(info, "onset", path, false);
        Instant expires = dateTime(info, "expires", path, false);
        List<CapMessage.Area> areas = new ArrayList<>();
        List<Element> areaElements = children(info, "area");
        for (int i = 0; i < areaElements.size(); i++) {
            areas.add(area(areaElements.get(i), path + "/area[" + (i + 1) + "]"));
        }
        return new CapMessage.Info(language.toLowerCase(Locale.ROOT).split("-")[0], category, event, responseType,
                urgency, severity, certainty, eventCodes, onset, expires, text(info, "headline", path, false),
                text(info, "description", path, false), text(info, "instruction", path, false),
                text(info, "web", path, false), areas);
    }

    private CapMessage.Area area(Element area, String path) {
        String description = text(area, "areaDesc", path, true);
        List<String> polygons = new ArrayList<>();
        List<Element> polygonElements = children(area, "polygon");
        for (int i = 0; i < polygonElements.size(); i++) {
            String polygon = polygonElements.get(i).getTextContent().strip();
            AlertArea.polygon(polygon, path + "/polygon[" + (i + 1) + "]", errors);
            polygons.add(polygon);
        }
        List<String> circles = new ArrayList<>();
        List<Element> circleElements = children(area, "circle");
        for (int i = 0; i < circleElements.size(); i++) {
            String circle = circleElements.get(i).getTextContent().strip();
            // Only CAP's own form here: Paraat's limits (such as 500 km) are checked with the rest of its rules.
            AlertArea.circleIsCap(circle, path + "/circle[" + (i + 1) + "]", errors);
            circles.add(circle);
        }
        List<String> geocodes = new ArrayList<>();
        List<Element> geocodeElements = children(area, "geocode");
        for (int i = 0; i < geocodeElements.size(); i++) {
            String geocodePath = path + "/geocode[" + (i + 1) + "]";
            String name = text(geocodeElements.get(i), "valueName", geocodePath, true);
            String value = text(geocodeElements.get(i), "value", geocodePath, true);
            if (CapMessage.GEOCODE_CBS.equals(name) && value != null) {
                geocodes.add(value);
            }
        }
        return new CapMessage.Area(description, polygons, circles, geocodes);
    }

    private String token(Element parent, String name, String path) {
        String value = text(parent, name, path, true);
        if (value != null && !NO_SPACE.matcher(value).matches()) {
            errors.add(new Problem.FieldError(path + "/" + name, "must not contain spaces, commas, < or &"));
        }
        return value;
    }

    private String text(Element parent, String name, String path, boolean required) {
        List<Element> found = children(parent, name);
        if (found.isEmpty()) {
            if (required) {
                errors.add(new Problem.FieldError(path + "/" + name, "required element is missing"));
            }
            return null;
        }
        String value = found.get(0).getTextContent().strip();
        if (value.isEmpty() && required) {
            errors.add(new Problem.FieldError(path + "/" + name, "must not be empty"));
            return null;
        }
        return value;
    }

    private <E extends Enum<E>> E code(Element parent, String name, String path, Class<E> type, boolean required) {
        String value = text(parent, name, path, required);
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        errors.add(new Problem.FieldError(path + "/" + name, "'" + value + "' is not a CAP " + name + " value"));
        return null;
    }

    private Instant dateTime(Element parent, String name, String path, boolean required) {
        String value = text(parent, name, path, required);
        if (value == null) {
            return null;
        }
        if (!DATE_TIME.matcher(value).matches()) {
            errors.add(new Problem.FieldError(path + "/" + name, "'" + value + "' is not a CAP date-time like 2026-11-25T14:00:00+01:00"));
            return null;
        }
        try {
            // XML Schema's dateTime allows 24:00:00 for the end of a day: the first moment of the next.
            boolean endOfDay = value.substring(11, 19).equals("24:00:00");
            OffsetDateTime parsed = OffsetDateTime.parse(endOfDay ? value.substring(0, 11) + "00:00:00" + value.substring(19) : value);
            return (endOfDay ? parsed.plusDays(1) : parsed).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(path + "/" + name, "'" + value + "' is not a valid date-time"));
            return null;
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && name.equals(element.getLocalName())
                    && CapXml.NAMESPACE.equals(element.getNamespaceURI())) {
                found.add(element);
            }
        }
        return found;
    }
}
