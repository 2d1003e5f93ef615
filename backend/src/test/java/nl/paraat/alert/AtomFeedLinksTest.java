package nl.paraat.alert;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.paraat.auth.AuthFixtures;
import nl.paraat.auth.OrganisationKind;
import nl.paraat.auth.Role;
import nl.paraat.testing.Http;
import nl.paraat.testing.ServerTestSupport;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The Atom feed's links come from the configured public address, never from the Host header; its ids are IRIs. */
@MicronautTest(transactional = false)
@Property(name = "paraat.public-url", value = "https://paraat.example.nl")
class AtomFeedLinksTest extends ServerTestSupport {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @Test
    void linksUseThePublicAddressWhateverTheHostHeaderAndEveryIdIsAnAbsoluteIri() throws Exception {
        AuthFixtures.Member issuer = AuthFixtures.organisationWithKey(context, OrganisationKind.SAFETY_REGION, List.of("VR04"),
                Role.ALERT_ISSUER);
        String approver = AuthFixtures.keyFor(context, issuer.organisation(), Role.ALERT_APPROVER);
        String plain = "NL-VR04-" + UUID.randomUUID();
        String urn = "urn:oid:2.49.0.1.528.0." + UUID.randomUUID();
        publishCap(issuer, approver, plain);
        publishCap(issuer, approver, urn);

        Http.Response feed = http.getWithHeader("/api/v1/alerts/feed.atom?area=GM0150", "X-Forwarded-Host", "evil.example");

        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.body()).doesNotContain("evil.example").doesNotContain("http://localhost");
        org.w3c.dom.Document document = parse(feed.body());
        NodeList links = document.getElementsByTagNameNS(ATOM, "link");
        assertThat(links.getLength()).isGreaterThanOrEqualTo(3);
        for (int i = 0; i < links.getLength(); i++) {
            assertThat(((Element) links.item(i)).getAttribute("href")).startsWith("https://paraat.example.nl/api/v1/alerts/");
        }
        NodeList ids = document.getElementsByTagNameNS(ATOM, "id");
        List<String> values = new java.util.ArrayList<>();
        for (int i = 0; i < ids.getLength(); i++) {
            String id = ids.item(i).getTextContent();
            assertThat(URI.create(id).isAbsolute()).as(id).isTrue();
            values.add(id);
        }
        assertThat(values).contains(urn, "urn:paraat:alert:" + plain);
    }

    private void publishCap(AuthFixtures.Member issuer, String approver, String identifier) {
        String xml = CapSamples.deventer(identifier).replace("2026-11-26T11:00:00+01:00",
                Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", "+00:00"));
        Http.Response imported = http.post("/api/v1/admin/alerts/cap", "application/cap+xml", xml.getBytes(StandardCharsets.UTF_8),
                issuer.token());
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        long id = imported.json().get("id").getLongValue();
        assertThat(http.post("/api/v1/admin/alerts/" + id + "/submit", "", issuer.token()).status()).isEqualTo(200);
        assertThat(http.post("/api/v1/admin/alerts/" + id + "/approve", "", approver).status()).isEqualTo(200);
    }

    private static org.w3c.dom.Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
