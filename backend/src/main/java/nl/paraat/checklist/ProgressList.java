package nl.paraat.checklist;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** Whether a device's household finished one checklist; only the app knows which items apply to it. */
@MappedEntity("checklist_progress_list")
record ProgressList(@Id @GeneratedValue @Nullable Long id, long deviceId, @Nullable String municipality,
                    String checklistId, boolean complete) {
}
