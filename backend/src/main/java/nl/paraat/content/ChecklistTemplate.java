package nl.paraat.content;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/**
 * The structured part of a checklist: sections of items with stable ids. Quantities and needs are
 * written once, in the source-language file; translations give the words.
 */
@Serdeable
public record ChecklistTemplate(List<Section> sections) {

    /** The ids of all items, in every section. */
    public java.util.Set<String> itemIds() {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        sections.forEach(section -> section.items().forEach(item -> ids.add(item.id())));
        return java.util.Collections.unmodifiableSet(ids);
    }

    @Serdeable
    public record Section(String id, String title, List<Item> items) {
    }

    /**
     * @param quantity how much of it a household needs, or null when it is just something to have or do
     * @param needs    the item is only for households with one of these needs; empty means everyone
     * @param water    counts towards the kit's total drinking water
     * @param fields   for household-plan prompts: what the app asks and keeps on the phone
     */
    @Serdeable
    public record Item(String id, String text, @Nullable String why, @Nullable String unit, @Nullable Quantity quantity,
                       List<String> needs, boolean water, List<Field> fields) {
    }

    /** {@code amount} for each of {@code per}: a household, person, adult, child, infant, elderly member or pet, optionally per day. */
    @Serdeable
    public record Quantity(BigDecimal amount, String per) {

        public boolean perDay() {
            return per.endsWith("-day");
        }

        /** What is counted: household, person, adult, child, infant, elderly, pet, dog, cat, rabbit or bird. */
        public String counted() {
            return perDay() ? per.substring(0, per.length() - "-day".length()) : per;
        }
    }

    /** A prompt of the household plan; the answer never leaves the phone. */
    @Serdeable
    public record Field(String id, String label, String type) {
    }

    public static final List<String> COUNTED = List.of("household", "person", "adult", "child", "infant", "elderly",
            "pet", "dog", "cat", "rabbit", "bird");
    public static final List<String> NEEDS = List.of("medication", "hearing-aid", "mobility-aid", "insulin",
            "powered-medical-equipment", "glasses", "special-diet");
    public static final List<String> FIELD_TYPES = List.of("text", "phone", "person", "place");
}
