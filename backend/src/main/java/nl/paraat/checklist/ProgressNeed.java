package nl.paraat.checklist;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A kind of help a household that opted in would need in a crisis: the code of a {@link SupportNeed}. */
@MappedEntity("checklist_progress_need")
record ProgressNeed(@Id @GeneratedValue @Nullable Long id, long deviceId, @Nullable String municipality,
                    String category) {
}
