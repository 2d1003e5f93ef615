package nl.paraat.push;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Topic names of topic mode: one per municipality and language, and apart for exercises and tests. */
final class Topics {

    private Topics() {
    }

    static String of(String municipality, String language, boolean test) {
        return (test ? "paraat-test-" : "paraat-") + municipality.toLowerCase(Locale.ROOT) + "-" + language;
    }

    /** The topics a device belongs to: its municipalities in its language, and their test topics if it asked. */
    static Set<String> forDevice(List<String> areas, String language, boolean testAlerts) {
        Set<String> topics = new TreeSet<>();
        for (String area : areas) {
            topics.add(of(area, language, false));
            if (testAlerts) {
                topics.add(of(area, language, true));
            }
        }
        return topics;
    }
}
