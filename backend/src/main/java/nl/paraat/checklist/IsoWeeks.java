package nl.paraat.checklist;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;

/** ISO weeks as Dutch residents live them (Europe/Amsterdam), numbered {@code year * 100 + week} so they sort. */
final class IsoWeeks {

    /** The end of a span that has not ended. */
    static final int OPEN = 999_999;
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private IsoWeeks() {
    }

    static int of(Instant instant) {
        return of(instant.atZone(ZONE).toLocalDate());
    }

    /** The {@code count} weeks up to and including the week of {@code now}, oldest first. */
    static List<Integer> lastWeeks(Instant now, int count) {
        LocalDate today = now.atZone(ZONE).toLocalDate();
        List<Integer> weeks = new ArrayList<>();
        for (int back = count - 1; back >= 0; back--) {
            weeks.add(of(today.minusWeeks(back)));
        }
        return weeks;
    }

    /** E.g. {@code 2026-W48}. */
    static String label(int week) {
        return String.format("%d-W%02d", week / 100, week % 100);
    }

    private static int of(LocalDate date) {
        return date.get(IsoFields.WEEK_BASED_YEAR) * 100 + date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }
}
