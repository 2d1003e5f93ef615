package nl.paraat.checklist;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.Map;

final class ProgressViews {

    private ProgressViews() {
    }

    /**
     * A device's whole checklist progress; it replaces what was stored. Unknown properties are refused
     * rather than ignored, and checklist, item and category ids must be known ones, so that no name,
     * address or other free text can be sent along and end up stored.
     */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = false)
    record Report(@Nullable @Pattern(regexp = "GM\\d{4}", message = "must be a municipality code like GM0150")
                  String municipality,
                  @Nullable @Size(max = 20) Map<String, Checklist> checklists,
                  @Nullable @Valid NeedsHelp needsHelp) {
    }

    /**
     * @param done     the ids of the items the household has done
     * @param complete whether every item that applies to the household is done; only the app knows which apply
     */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = false)
    record Checklist(@JsonInclude(JsonInclude.Include.ALWAYS) @Nullable List<String> done, boolean complete) {
    }

    /**
     * @param optIn      whether the household agrees to be counted as needing help; without it no category is kept
     * @param categories the kinds of help needed, codes of {@link SupportNeed}
     */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = false)
    record NeedsHelp(boolean optIn,
                     @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable @Size(max = 10) List<String> categories) {
    }

    /** What is stored for a device: the last report, cleaned of duplicates and sorted. */
    @Serdeable
    record Stored(@Nullable String municipality,
                  @JsonInclude(JsonInclude.Include.ALWAYS) Map<String, Checklist> checklists,
                  NeedsHelp needsHelp, @Nullable Instant updatedAt) {
    }
}
