package nl.paraat.alert;

import org.w3c.dom.Document;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;

/**
 * XML parsing that an attacker cannot turn against the server: no DOCTYPE at all (so no external
 * entities and no entity expansion such as "billion laughs"), no XInclude, secure processing
 * limits, and a cap on element depth. Bodies are already limited in size by the server.
 */
final class CapXml {

    static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";
    static final int MAX_DEPTH = 16;

    private CapXml() {
    }

    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /** The parser features that refuse DOCTYPEs and external entities, for the DOM and the SAX parser alike. */
    private static final java.util.Map<String, Boolean> HARDENED = java.util.Map.of(
            "http://apache.org/xml/features/disallow-doctype-decl", true,
            "http://xml.org/sax/features/external-general-entities", false,
            "http://xml.org/sax/features/external-parameter-entities", false,
            "http://apache.org/xml/features/nonvalidating/load-external-dtd", false,
            XMLConstants.FEATURE_SECURE_PROCESSING, true);

    /** A namespace-aware SAX reader hardened as {@link #parse} is, for reading a document as a stream. */
    static org.xml.sax.XMLReader reader() throws SAXException, ParserConfigurationException {
        javax.xml.parsers.SAXParserFactory factory = javax.xml.parsers.SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        for (java.util.Map.Entry<String, Boolean> feature : HARDENED.entrySet()) {
            factory.setFeature(feature.getKey(), feature.getValue());
        }
        factory.setXIncludeAware(false);
        org.xml.sax.XMLReader reader = factory.newSAXParser().getXMLReader();
        reader.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        reader.setProperty("jdk.xml.maxElementDepth", MAX_DEPTH);
        return reader;
    }

    static Document parse(byte[] xml) throws Refused {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            for (java.util.Map.Entry<String, Boolean> feature : HARDENED.entrySet()) {
                factory.setFeature(feature.getKey(), feature.getValue());
            }
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setAttribute("jdk.xml.maxElementDepth", MAX_DEPTH);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("DOCTYPE")) {
                throw new Refused("DOCTYPE declarations are not accepted");
            }
            if (message.contains("maxElementDepth") || message.contains("depth")) {
                throw new Refused("the XML is nested deeper than " + MAX_DEPTH + " levels");
            }
            throw new Refused("the body is not well-formed XML: " + firstLine(message));
        } catch (IOException | ParserConfigurationException e) {
            throw new Refused("the body cannot be read as XML");
        }
    }

    /** Whether XML 1.0 can carry the character (a lone surrogate is a character it cannot carry). */
    static boolean xmlCharacter(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    /**
     * The text with every character that XML 1.0 cannot carry replaced by U+FFFD: what was stored before such
     * characters were refused must still give a well-formed export and feed.
     */
    static String xmlText(String text) {
        StringBuilder safe = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int length = Character.charCount(c);
            boolean allowed = xmlCharacter(c);
            if (!allowed && safe == null) {
                safe = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (safe != null) {
                if (allowed) {
                    safe.appendCodePoint(c);
                } else {
                    safe.append('\uFFFD');
                }
            }
            i += length;
        }
        return safe == null ? text : safe.toString();
    }

    static Document newDocument() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    static String write(Document document) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
