package nl.paraat.alert;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.paraat.testing.Http;
import nl.paraat.testing.JsonNodes;
import nl.paraat.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static nl.paraat.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only what the OASIS CAP 1.2 schema accepts is read: each schema problem is named by its element's
 * path, line and column, apart from Paraat's own rules, and the dry run's verdict is the import's.
 */
@MicronautTest(transactional = false)
class CapSchemaTest extends CapTestSupport {

    private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:30:00Z"));
    private static final Schema XSD = schema();

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "elements out of order      | <scope>Public</scope>               | <scope>Public</scope><source>elsewhere</source> | /alert/source",
            "a second identifier        | <status>Actual</status>             | <identifier>second</identifier><status>Actual</status> | /alert/identifier[2]",
            "an unknown element         | <scope>Public</scope>               | <scope>Public</scope><priority>high</priority> | /alert/priority",
            "a foreign element          | <event>Stroomstoring</event>        | <event>Stroomstoring</event><x:note xmlns:x=\"urn:example\">n</x:note> | /alert/info[1]/note",
            "references after the infos | </alert>                            | <references>a,b,2026-11-25T11:00:00+01:00</references></alert> | /alert/references",
            "an offset beyond +14:00    | 2026-11-25T11:00:00+01:00</sent>    | 2026-11-25T11:00:00+14:30</sent> | /alert/sent",
            "a missing event            | <event>Stroomstoring</event>        | '' | /alert/info[1]/responseType[1]",
            "an unknown status          | <status>Actual</status>             | <status>Real</status> | /alert/status"
    })
    void schemaInvalidMessagesAreRefusedWithPathLineAndColumnAndNothingIsStored(String description, String replace, String with,
                                                                                String path) {
        String xml = CapSamples.deventer(unique()).replace(replace, with);
        assertThat(CapSamples.deventer("x")).as("the sample has what the variant replaces").contains(replace);
        int before = messages.findByOrganisationOrderByIdDesc(issuer.organisation()).size();

        JsonNode dryRun = dryRun(xml);
        Http.Response imported = importCap(xml);

        assertThat(dryRun.get("capValid").getBooleanValue()).isFalse();
        JsonNode first = dryRun.get("capErrors").get(0);
        assertThat(first.get("field").getStringValue()).as(dryRun.toString()).isEqualTo(path);
        assertThat(first.get("line").getIntValue()).isPositive();
        assertThat(first.get("column").getIntValue()).isPositive();
        assertThat(dryRun.get("paraatErrors").size()).isZero();
        JsonNode problem = assertProblem(imported, 400);
        assertThat(JsonNodes.stream(problem.get("errors")).map(e -> e.get("field").getStringValue()).toList()).contains(path);
        assertThat(messages.findByOrganisationOrderByIdDesc(issuer.organisation())).hasSize(before);
    }

    @Test
    void theEndOfADayWrittenAs24HoursIsValidCapAndMeansMidnight() {
        String xml = CapSamples.deventer(unique()).replace("2026-11-26T11:00:00+01:00</expires>", "2026-11-26T24:00:00+01:00</expires>");

        JsonNode dryRun = dryRun(xml);

        assertThat(dryRun.get("capErrors").size()).as(dryRun.toString()).isZero();
        Http.Response imported = importCap(xml);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("expires").getStringValue()).isEqualTo("2026-11-26T23:00:00Z");
    }

    @Test
    void problemsListedAreBounded() {
        String manyUnknown = "<unknown>x</unknown>".repeat(400);
        String xml = CapSamples.deventer(unique()).replace("<scope>Public</scope>", "<scope>Public</scope>" + manyUnknown);

        JsonNode dryRun = dryRun(xml);

        assertThat(dryRun.get("capErrors").size()).isLessThanOrEqualTo(CapSchema.MAX_PROBLEMS + 1);
        assertThat(assertProblem(importCap(xml), 400).get("errors").size()).isLessThanOrEqualTo(CapSchema.MAX_PROBLEMS + 1);
    }

    /**
     * Generated variants of a valid message (elements swapped, repeated, dropped, renamed or moved into
     * another namespace): each one the schema refuses is refused by the dry run and the import alike,
     * without a 5xx and without storing anything; each one it accepts has no schema problem.
     */
    @Test
    void everyGeneratedVariantIsJudgedAsTheSchemaJudgesIt() throws Exception {
        Random random = new Random(16);
        int refused = 0;
        int accepted = 0;
        for (int variant = 0; variant < 300; variant++) {
            String xml = mutate(CapSamples.deventer(unique()), random);
            boolean valid = valid(xml);
            int before = messages.findByOrganisationOrderByIdDesc(issuer.organisation()).size();

            JsonNode dryRun = dryRun(xml);
            Http.Response imported = importCap(xml);

            assertThat(imported.status()).as(xml).isLessThan(500);
            List<JsonNode> schemaErrors = JsonNodes.stream(dryRun.get("capErrors")).filter(e -> e.get("line") != null).toList();
            if (valid) {
                accepted++;
                assertThat(schemaErrors).as(xml).isEmpty();
            } else {
                refused++;
                assertThat(schemaErrors).as(xml).isNotEmpty();
                assertThat(dryRun.get("capValid").getBooleanValue()).isFalse();
                assertThat(imported.status()).as(xml).isEqualTo(400);
                assertThat(messages.findByOrganisationOrderByIdDesc(issuer.organisation())).hasSize(before);
            }
        }
        assertThat(refused).as("schema-invalid variants").isGreaterThan(150);
        assertThat(accepted).as("schema-valid variants").isGreaterThan(20);
    }

    private static String mutate(String xml, Random random) throws Exception {
        Document document = CapXml.parse(xml.getBytes(StandardCharsets.UTF_8));
        List<Element> elements = new ArrayList<>();
        collect(document.getDocumentElement(), elements);
        Element target = elements.get(1 + random.nextInt(elements.size() - 1));
        Node parent = target.getParentNode();
        switch (random.nextInt(5)) {
            case 0 -> {
                Element next = nextElement(target);
                if (next != null) {
                    parent.insertBefore(next, target);
                }
            }
            case 1 -> parent.insertBefore(target.cloneNode(true), target);
            case 2 -> parent.removeChild(target);
            case 3 -> document.renameNode(target, CapXml.NAMESPACE, target.getLocalName() + "X");
            default -> document.renameNode(target, "urn:example:other", target.getLocalName());
        }
        return CapXml.write(document);
    }

    private static void collect(Element element, List<Element> into) {
        into.add(element);
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                collect(childElement, into);
            }
        }
    }

    private static Element nextElement(Element element) {
        for (Node next = element.getNextSibling(); next != null; next = next.getNextSibling()) {
            if (next instanceof Element found) {
                return found;
            }
        }
        return null;
    }

    /** The schema's own verdict, from the JDK's validator without any of Paraat's code. */
    private static boolean valid(String xml) throws IOException {
        try {
            XSD.newValidator().validate(new StreamSource(new StringReader(xml)));
            return true;
        } catch (SAXException invalid) {
            return false;
        }
    }

    private static Schema schema() {
        try {
            return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(CapSchemaTest.class.getResource("/cap/CAP-v1.2.xsd"));
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
    }
}
