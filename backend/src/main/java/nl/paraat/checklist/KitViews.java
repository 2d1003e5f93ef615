package nl.paraat.checklist;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import nl.paraat.common.ProblemException;
import nl.paraat.content.ChecklistTemplate;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

final class KitViews {

    static final int DEFAULT_HOURS = 72;
    static final List<String> PET_KINDS = List.of("dog", "cat", "rabbit", "bird");
    private static final int MAX_PER_KIND = 20;

    private KitViews() {
    }

    /**
     * Who lives in the house. Adults are 18 to 69, elderly 70 or older or less self-reliant, children
     * 2 to 17 and infants under 2; omitted counts are 0. Nothing here identifies anyone, and none of it is stored.
     */
    @Serdeable
    record Household(@Nullable @Min(0) @Max(MAX_PER_KIND) Integer adults,
                     @Nullable @Min(0) @Max(MAX_PER_KIND) Integer children,
                     @Nullable @Min(0) @Max(MAX_PER_KIND) Integer infants,
                     @Nullable @Min(0) @Max(MAX_PER_KIND) Integer elderly,
                     @Nullable Map<String, Integer> pets,
                     @Nullable @Size(max = 10) List<String> needs,
                     @Nullable @Min(24) @Max(168) Integer hours) {

        /** The household with defaults filled in, or a problem naming the first field that is wrong. */
        Household validated() {
            Map<String, Integer> checkedPets = new TreeMap<>();
            if (pets != null) {
                pets.forEach((kind, count) -> {
                    if (!PET_KINDS.contains(kind)) {
                        throw ProblemException.invalid("pets." + kind, "Unknown kind of pet '" + kind + "'; use "
                                + String.join(", ", PET_KINDS) + ".");
                    }
                    if (count == null || count < 0 || count > MAX_PER_KIND) {
                        throw ProblemException.invalid("pets." + kind, "Give a number of " + kind + "s from 0 to " + MAX_PER_KIND + ".");
                    }
                    checkedPets.put(kind, count);
                });
            }
            List<String> checkedNeeds = needs == null ? List.of() : needs;
            for (int i = 0; i < checkedNeeds.size(); i++) {
                if (!ChecklistTemplate.NEEDS.contains(checkedNeeds.get(i))) {
                    throw ProblemException.invalid("needs[" + i + "]", "Unknown need '" + checkedNeeds.get(i) + "'; use "
                            + String.join(", ", ChecklistTemplate.NEEDS) + ".");
                }
            }
            Household household = new Household(orZero(adults), orZero(children), orZero(infants), orZero(elderly),
                    checkedPets, List.copyOf(checkedNeeds), hours == null ? DEFAULT_HOURS : hours);
            if (household.persons() == 0) {
                throw ProblemException.invalid("adults", "A household has at least one person: give adults, elderly, children or infants.");
            }
            return household;
        }

        int persons() {
            return adults + children + infants + elderly;
        }

        int pets(String kind) {
            return pets.getOrDefault(kind, 0);
        }

        private static int orZero(@Nullable Integer count) {
            return count == null ? 0 : count;
        }
    }

    /** The emergency kit for one household, in the resident's language. */
    @Serdeable
    record Kit(String checklist, String locale, boolean fallback, String contentVersion, int hours, Household household,
               long totalWaterLitres, List<Section> sections) {
    }

    @Serdeable
    record Section(String id, String title, List<Item> items) {
    }

    /**
     * @param quantity how many {@code unit}s this household needs, rounded up to whole units; null for
     *                 things to have or do rather than to count
     * @param rule     how the quantity was reached, so the app can recompute it offline
     */
    @Serdeable
    record Item(String id, String text, @Nullable String why, @Nullable Long quantity, @Nullable String unit,
                @Nullable ChecklistTemplate.Quantity rule, List<String> needs) {
    }
}
