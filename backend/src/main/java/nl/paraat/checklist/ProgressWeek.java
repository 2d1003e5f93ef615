package nl.paraat.checklist;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A device's kit and plan state from ISO week {@code weekFrom} until before {@code weekTo}
 * ({@link IsoWeeks#OPEN} while it is the current state), so that the weekly series can tell the
 * state at the end of any week without keeping every upload.
 *
 * @param weekFrom an ISO week as {@code year * 100 + week}, e.g. 202648
 */
@MappedEntity("checklist_progress_week")
record ProgressWeek(@Id @GeneratedValue @Nullable Long id, long deviceId, @Nullable String municipality,
                    int weekFrom, int weekTo, boolean kitComplete, boolean planComplete) {
}
