package nl.paraat.alert;

import nl.paraat.common.Problem;
import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.ValidatorHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validation against the OASIS CAP 1.2 schema itself, before any rule of Paraat's: element order,
 * unknown, missing, repeated and foreign elements, code lists and date-times exactly as the XSD
 * defines them. Each problem names the element by its path and gives the line and column; at most
 * {@value #MAX_PROBLEMS} are listed.
 */
final class CapSchema {

    static final int MAX_PROBLEMS = 50;
    private static final Schema SCHEMA = load();
    /** The elements CAP lets repeat: their paths always carry a position, the others only from the second on. */
    private static final Set<String> REPEATED = Set.of("code", "info", "category", "responseType", "eventCode", "parameter",
            "resource", "area", "polygon", "circle", "geocode");
    private static final Pattern CAP_NAME = Pattern.compile("\\{\"" + Pattern.quote(CapXml.NAMESPACE) + "\":([^}]+)}");

    private CapSchema() {
    }

    private static Schema load() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(CapSchema.class.getResource("/cap/CAP-v1.2.xsd"));
        } catch (SAXException e) {
            throw new IllegalStateException("the CAP 1.2 schema cannot be read", e);
        }
    }

    /**
     * The schema's problems with a document that {@link CapXml#parse} accepted (well-formed, no DOCTYPE);
     * empty when it is valid CAP 1.2.
     */
    static List<Problem.FieldError> problems(byte[] xml) {
        List<Problem.FieldError> problems = new ArrayList<>();
        try {
            XMLReader reader = CapXml.reader();
            ValidatorHandler validator = SCHEMA.newValidatorHandler();
            validator.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Paths paths = new Paths(reader);
            paths.setContentHandler(validator);
            validator.setErrorHandler(new Collector(paths, problems));
            paths.parse(new InputSource(new ByteArrayInputStream(xml)));
        } catch (TooMany enough) {
            problems.add(new Problem.FieldError("/", "more problems were found than the " + MAX_PROBLEMS + " listed"));
        } catch (SAXException e) {
            if (problems.isEmpty()) {
                problems.add(new Problem.FieldError("/", "the body is not well-formed XML: " + e.getMessage()));
            }
        } catch (IOException | ParserConfigurationException e) {
            problems.add(new Problem.FieldError("/", "the body cannot be read as XML"));
        }
        return problems;
    }

    /**
     * Keeps the path of the element being read, such as {@code /alert/info[2]/area[1]/circle[3]}: an
     * element that is not where the schema expects it is named by its own path, a missing one by the
     * path of the element found in its place (or of its parent, when nothing followed).
     */
    private static final class Paths extends XMLFilterImpl {

        private final Deque<String> path = new ArrayDeque<>();
        private final Deque<Map<String, Integer>> seen = new ArrayDeque<>();

        Paths(XMLReader parent) {
            super(parent);
            seen.push(new HashMap<>());
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            // Local names, as Paraat's own problems name elements; the schema's message names a foreign namespace.
            int position = seen.peek().merge(localName, 1, Integer::sum);
            path.addLast(REPEATED.contains(localName) || position > 1 ? localName + "[" + position + "]" : localName);
            seen.push(new HashMap<>());
            super.startElement(uri, localName, qName, attributes);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            super.endElement(uri, localName, qName);
            seen.pop();
            path.removeLast();
        }

        String current() {
            return path.isEmpty() ? "/" : "/" + String.join("/", path);
        }
    }

    private static final class TooMany extends SAXException {
        TooMany() {
            super("too many problems");
        }
    }

    private record Collector(Paths paths, List<Problem.FieldError> problems) implements ErrorHandler {

        @Override
        public void warning(SAXParseException exception) {
            // The schema's warnings do not make a message invalid.
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            if (problems.size() >= MAX_PROBLEMS) {
                throw new TooMany();
            }
            String message = CAP_NAME.matcher(String.valueOf(exception.getMessage())).replaceAll("$1");
            problems.add(new Problem.FieldError(paths.current(), message, exception.getLineNumber(), exception.getColumnNumber()));
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            error(exception);
            throw exception;
        }
    }
}
