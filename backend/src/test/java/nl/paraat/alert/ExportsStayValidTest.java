package nl.paraat.alert;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.paraat.auth.AuthFixtures;
import nl.paraat.auth.OrganisationKind;
import nl.paraat.auth.Role;
import nl.paraat.testing.Http;
import nl.paraat.testing.ServerTestSupport;
import nl.paraat.testing.Sql;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

import javax.sql.DataSource;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever was published, every CAP export is valid CAP 1.2 and every Atom feed well-formed XML:
 * texts at the edges of what XML carries, and a text stored with a character XML 1.0 cannot carry
 * (as rows from before such characters were refused may hold), and then every alert in the database.
 */
@MicronautTest(transactional = false)
class ExportsStayValidTest extends ServerTestSupport {

    private static final List<String> EDGE_TEXTS = List.of(
            "Café ☕ en 𝄞: <b>&amp;</b> ]]> \"quotes\" 'apostrophes'",
            "Tab\there, new\nlines\r\nand the last of the BMP \uD7FF \uE000 \uFFFD",
            "DEL \u007F and NEL \u0085, allowed in XML 1.0",
            "العربية اليمنى إلى اليسرى · Українська · Türkçe · Polski");

    @Inject
    DataSource dataSource;

    @Test
    void everyExportIsValidCapAndEveryFeedWellFormedWhateverThePublishedTexts() throws Exception {
        AuthFixtures.Member issuer = AuthFixtures.organisationWithKey(context, OrganisationKind.SAFETY_REGION, List.of("VR04"),
                Role.ALERT_ISSUER);
        String approver = AuthFixtures.keyFor(context, issuer.organisation(), Role.ALERT_APPROVER);
        List<Long> published = new ArrayList<>();
        for (String text : EDGE_TEXTS) {
            published.add(publish(issuer, approver, text));
        }
        // A row from before characters XML cannot carry were refused.
        try (Connection connection = Sql.target(dataSource).getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE alert_info SET headline = ? WHERE alert_id = ?")) {
            update.setString(1, "Stroom\u0001storing \uFFFF met \uD800 een losse helft");
            update.setLong(2, published.get(0));
            assertThat(update.executeUpdate()).isPositive();
        }

        for (long id : published) {
            Http.Response cap = http.get("/api/v1/alerts/" + id + ".cap");
            assertThat(cap.status()).isEqualTo(200);
            validCap(cap.body());
        }
        assertThat(http.get("/api/v1/alerts/" + published.get(0) + ".cap").body()).contains("Stroom\uFFFDstoring");
        wellFormed(http.get("/api/v1/alerts/feed.atom?area=GM0150").body());
        wellFormed(http.get("/api/v1/alerts/feed.atom?area=VR04").body());

        int exported = 0;
        for (long id : allAlerts()) {
            Http.Response cap = http.get("/api/v1/alerts/" + id + ".cap");
            assertThat(cap.status()).as("alert %d", id).isIn(200, 404);
            if (cap.status() == 200) {
                validCap(cap.body());
                exported++;
            }
        }
        assertThat(exported).isGreaterThanOrEqualTo(published.size());
    }

    private long publish(AuthFixtures.Member issuer, String approver, String text) {
        String expires = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        String json = text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
        Http.Response draft = http.post("/api/v1/admin/alerts", """
                {"hazard":"flood","urgency":"Immediate","severity":"Extreme","certainty":"Observed","expires":"%s",
                 "area":{"codes":["GM0150"]},"infos":{"nl":{"headline":"%s","description":"%s"}}}
                """.formatted(expires, json.length() > 140 ? json.substring(0, 140) : json, json), issuer.token());
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        long id = draft.json().get("id").getLongValue();
        assertThat(http.post("/api/v1/admin/alerts/" + id + "/submit", "", issuer.token()).status()).isEqualTo(200);
        assertThat(http.post("/api/v1/admin/alerts/" + id + "/approve", "", approver).status()).isEqualTo(200);
        return id;
    }

    private List<Long> allAlerts() throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = Sql.target(dataSource).getConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT id FROM alert ORDER BY id")) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    private static void validCap(String xml) throws Exception {
        Schema schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(ExportsStayValidTest.class.getResource("/cap/CAP-v1.2.xsd"));
        try {
            schema.newValidator().validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException invalid) {
            throw new AssertionError("not valid CAP 1.2: " + invalid.getMessage() + "\n" + xml, invalid);
        }
    }

    private static void wellFormed(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document feed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(feed.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
    }
}
