package nl.paraat.alert;

/** Request bodies for alert tests; expiry one day after the tests' clock. */
final class AlertJson {

    private AlertJson() {
    }

    static String powerOutage(String codes) {
        return body("\"codes\":" + codes, true);
    }

    static String dutchOnly(String codes) {
        return body("\"codes\":" + codes, false);
    }

    static String withShapes(String polygons, String circles) {
        return body("\"polygons\":" + polygons + ",\"circles\":" + circles, true);
    }

    private static String body(String area, boolean english) {
        return """
                {"status":"Actual","hazard":"power-outage","urgency":"Expected","severity":"Severe","certainty":"Observed",
                 "responseType":"Prepare","expires":"2026-11-26T10:00:00Z","area":{%s},
                 "infos":{"nl":{"headline":"Stroomstoring in Deventer","description":"In Deventer is de stroom uitgevallen.",
                                "instruction":"Ga naar een noodsteunpunt als u hulp nodig hebt."}%s}}
                """.formatted(area, english ? """
                ,"en":{"headline":"Power cut in Deventer","description":"The power is out in Deventer.",
                       "instruction":"Go to a resilience point if you need help."}""" : "");
    }
}
