package nl.paraat.alert;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** The text of a message in one language (a CAP info block). */
@MappedEntity("alert_info")
record AlertInfo(@Id @GeneratedValue @Nullable Long id,
                 long alertId,
                 String language,
                 String event,
                 String headline,
                 String description,
                 @Nullable String instruction) {
}
