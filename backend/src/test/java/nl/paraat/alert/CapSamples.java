package nl.paraat.alert;

/** CAP 1.2 documents for tests; times relative to 2026-11-25 so that they are valid on the tests' clock. */
final class CapSamples {

    private CapSamples() {
    }

    static String deventer(String identifier) {
        return deventer(identifier, "Alert", "", "52.24,6.14 52.24,6.18 52.27,6.18 52.27,6.14 52.24,6.14");
    }

    static String deventer(String identifier, String msgType, String references, String polygon) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
                  <identifier>%s</identifier>
                  <sender>lms@vr04.example</sender>
                  <sent>2026-11-25T11:00:00+01:00</sent>
                  <status>Actual</status>
                  <msgType>%s</msgType>
                  <scope>Public</scope>
                  %s
                  <info>
                    <language>nl-NL</language>
                    <category>Infra</category>
                    <event>Stroomstoring</event>
                    <responseType>Prepare</responseType>
                    <urgency>Immediate</urgency>
                    <severity>Severe</severity>
                    <certainty>Observed</certainty>
                    <eventCode><valueName>paraat-hazard</valueName><value>power-outage</value></eventCode>
                    <expires>2026-11-26T11:00:00+01:00</expires>
                    <headline>Stroomstoring in Deventer</headline>
                    <description>In Deventer is de stroom uitgevallen.</description>
                    <instruction>Ga naar een noodsteunpunt als u hulp nodig hebt.</instruction>
                    <area>
                      <areaDesc>Deventer</areaDesc>
                      <polygon>%s</polygon>
                      <geocode><valueName>NL-CBS</valueName><value>GM0150</value></geocode>
                    </area>
                  </info>
                  <info>
                    <language>en-US</language>
                    <category>Infra</category>
                    <event>Power cut</event>
                    <responseType>Prepare</responseType>
                    <urgency>Immediate</urgency>
                    <severity>Severe</severity>
                    <certainty>Observed</certainty>
                    <expires>2026-11-26T11:00:00+01:00</expires>
                    <headline>Power cut in Deventer</headline>
                    <description>The power is out in Deventer.</description>
                    <area>
                      <areaDesc>Deventer</areaDesc>
                      <geocode><valueName>NL-CBS</valueName><value>GM0150</value></geocode>
                    </area>
                  </info>
                </alert>
                """.formatted(identifier, msgType, references, polygon).strip();
    }

    /** A valid CAP message from abroad: no Dutch text, no Paraat hazard, no Dutch area. */
    static final String GERMAN = """
            <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
              <identifier>DE-NW-BN-SE030-20261125-30-000</identifier>
              <sender>opendata@dwd.example</sender>
              <sent>2026-11-25T10:00:00+01:00</sent>
              <status>Actual</status>
              <msgType>Alert</msgType>
              <scope>Public</scope>
              <info>
                <language>de-DE</language>
                <category>Met</category>
                <event>STURMBÖEN</event>
                <urgency>Immediate</urgency>
                <severity>Moderate</severity>
                <certainty>Likely</certainty>
                <headline>Amtliche WARNUNG vor STURMBÖEN</headline>
                <description>Es treten Sturmböen auf.</description>
                <area><areaDesc>Kreis Kleve</areaDesc><polygon>51.7,6.0 51.7,6.4 51.9,6.4 51.9,6.0 51.7,6.0</polygon></area>
              </info>
            </alert>
            """;
}
