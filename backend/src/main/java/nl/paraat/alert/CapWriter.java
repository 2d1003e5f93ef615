package nl.paraat.alert;

import nl.paraat.region.AreaRef;
import nl.paraat.region.RegionService;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** Writes a published message as CAP 1.2, one info block per language, in the element order CAP prescribes. */
final class CapWriter {

    /** CAP wants an explicit offset, never "Z". */
    private static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")
            .withZone(ZoneId.of("Europe/Amsterdam"));
    private static final String LANGUAGE_SUFFIX = "-NL";

    private CapWriter() {
    }

    static String sender(String organisation) {
        return "urn:paraat:org:" + organisation;
    }

    static String time(Instant instant) {
        return CAP_TIME.format(instant);
    }

    /** @param referenced the message this one updates or cancels, or null */
    static String write(AlertMessage message, List<AlertInfo> infos, AlertMessage referenced, RegionService regions) {
        Document document = CapXml.newDocument();
        Element alert = document.createElementNS(CapXml.NAMESPACE, "alert");
        document.appendChild(alert);
        add(alert, "identifier", message.identifier());
        add(alert, "sender", sender(message.organisation()));
        add(alert, "sent", time(message.publishedAt() != null ? message.publishedAt() : message.createdAt()));
        add(alert, "status", message.status().name());
        add(alert, "msgType", message.msgType().name());
        add(alert, "scope", "Public");
        if (referenced != null) {
            add(alert, "references", sender(referenced.organisation()) + "," + referenced.identifier() + ","
                    + time(referenced.publishedAt() != null ? referenced.publishedAt() : referenced.createdAt()));
        }
        List<String> codes = AlertSteps.split(message.areaCodes(), ",");
        String areaDesc = codes.isEmpty() ? "Gebied op de kaart" : codes.stream()
                .map(code -> regions.area(code).map(AreaRef::name).orElse(code)).collect(Collectors.joining(", "));
        for (AlertInfo text : infos) {
            Element info = child(alert, "info");
            add(info, "language", text.language() + LANGUAGE_SUFFIX);
            add(info, "category", message.category().name());
            add(info, "event", text.event());
            if (message.responseType() != null) {
                add(info, "responseType", message.responseType().name());
            }
            add(info, "urgency", message.urgency().name());
            add(info, "severity", message.severity().name());
            add(info, "certainty", message.certainty().name());
            Element eventCode = child(info, "eventCode");
            add(eventCode, "valueName", CapMessage.EVENT_CODE_HAZARD);
            add(eventCode, "value", message.hazard());
            if (message.onset() != null) {
                add(info, "onset", time(message.onset()));
            }
            add(info, "expires", time(message.expires()));
            add(info, "senderName", message.organisation());
            add(info, "headline", text.headline());
            add(info, "description", text.description());
            if (text.instruction() != null) {
                add(info, "instruction", text.instruction());
            }
            if (message.web() != null) {
                add(info, "web", message.web());
            }
            Element area = child(info, "area");
            add(area, "areaDesc", areaDesc);
            AlertSteps.split(message.polygons(), "\n").forEach(polygon -> add(area, "polygon", polygon));
            AlertSteps.split(message.circles(), "\n").forEach(circle -> add(area, "circle", circle));
            for (String code : codes) {
                Element geocode = child(area, "geocode");
                add(geocode, "valueName", CapMessage.GEOCODE_CBS);
                add(geocode, "value", code);
            }
        }
        return CapXml.write(document);
    }

    private static Element child(Element parent, String name) {
        Element element = parent.getOwnerDocument().createElementNS(CapXml.NAMESPACE, name);
        parent.appendChild(element);
        return element;
    }

    private static void add(Element parent, String name, String text) {
        child(parent, name).setTextContent(text == null ? null : CapXml.xmlText(text));
    }
}
