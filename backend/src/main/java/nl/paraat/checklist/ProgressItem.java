package nl.paraat.checklist;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One checklist item a device's household has done. */
@MappedEntity("checklist_progress_item")
record ProgressItem(@Id @GeneratedValue @Nullable Long id, long deviceId, @Nullable String municipality,
                    String checklistId, String itemId) {
}
