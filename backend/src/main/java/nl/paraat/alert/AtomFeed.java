package nl.paraat.alert;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.time.Instant;
import java.util.List;

/** An Atom feed of active alerts, each entry linking to its CAP message: what aggregators read. */
final class AtomFeed {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private AtomFeed() {
    }

    static String write(String area, String baseUrl, List<AlertViews.PublicAlert> alerts, Instant now) {
        Document document = CapXml.newDocument();
        Element feed = document.createElementNS(ATOM, "feed");
        document.appendChild(feed);
        add(feed, "id", "urn:paraat:alerts:" + area);
        add(feed, "title", "Paraat alerts for " + area);
        add(feed, "updated", (alerts.isEmpty() ? now : alerts.get(0).sent()).toString());
        link(feed, "self", baseUrl + "/api/v1/alerts/feed.atom?area=" + area, "application/atom+xml");
        Element author = child(feed, "author");
        add(author, "name", "Paraat");
        for (AlertViews.PublicAlert alert : alerts) {
            Element entry = child(feed, "entry");
            add(entry, "id", entryId(alert.identifier()));
            add(entry, "title", alert.headline());
            add(entry, "updated", alert.sent().toString());
            add(entry, "summary", alert.description());
            Element category = child(entry, "category");
            category.setAttribute("term", alert.hazard().code());
            link(entry, "alternate", baseUrl + "/api/v1/alerts/" + alert.id() + ".cap", "application/cap+xml");
        }
        return CapXml.write(document);
    }

    /**
     * An entry's id is an IRI (RFC 4287): the message's identifier when it is one already (such as
     * {@code urn:oid:2.49.0.1.528...}), otherwise the identifier in Paraat's own URN.
     */
    static String entryId(String identifier) {
        try {
            java.net.URI uri = new java.net.URI(identifier);
            // java.net.URI accepts only a scheme as RFC 3986 spells it.
            if (uri.isAbsolute() && !uri.getSchemeSpecificPart().isEmpty()) {
                return identifier;
            }
        } catch (java.net.URISyntaxException notOne) {
            // an identifier such as NL-GM0150-20261125-001, or one with characters an IRI cannot hold
        }
        return "urn:paraat:alert:" + java.net.URLEncoder.encode(identifier, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void link(Element parent, String rel, String href, String type) {
        Element link = child(parent, "link");
        link.setAttribute("rel", rel);
        link.setAttribute("href", href);
        link.setAttribute("type", type);
    }

    private static Element child(Element parent, String name) {
        Element element = parent.getOwnerDocument().createElementNS(ATOM, name);
        parent.appendChild(element);
        return element;
    }

    private static void add(Element parent, String name, String text) {
        child(parent, name).setTextContent(text == null ? null : CapXml.xmlText(text));
    }
}
