package nl.paraat.alert;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Locale;

/**
 * Where a message is in the workflow: written ({@code draft}), waiting for a second person
 * ({@code submitted}), shown to residents ({@code published}), or no longer shown because it was
 * cancelled, replaced by an update, or expired.
 */
@Serdeable
public enum AlertState {
    DRAFT, SUBMITTED, PUBLISHED, CANCELLED, SUPERSEDED, EXPIRED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
