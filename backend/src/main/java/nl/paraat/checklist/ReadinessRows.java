package nl.paraat.checklist;

import io.micronaut.core.annotation.Introspected;

/** Grouped counts per municipality, as the readiness queries return them; nothing here is published as is. */
final class ReadinessRows {

    private ReadinessRows() {
    }

    @Introspected
    record Households(String municipality, long households, long optedIn) {
    }

    @Introspected
    record Completed(String municipality, String checklistId, long devices) {
    }

    @Introspected
    record Items(String municipality, String checklistId, String itemId, long devices) {
    }

    @Introspected
    record Needs(String municipality, String category, long devices) {
    }

    /** How many devices of a municipality were in one kit/plan state over one span of weeks. */
    @Introspected
    record Spans(String municipality, int weekFrom, int weekTo, boolean kitComplete, boolean planComplete, long devices) {
    }
}
