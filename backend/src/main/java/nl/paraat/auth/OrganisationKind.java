package nl.paraat.auth;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Arrays;

@Serdeable
public enum OrganisationKind {
    MUNICIPALITY("municipality"),
    SAFETY_REGION("safety-region"),
    NATIONAL("national");

    private final String value;

    OrganisationKind(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static OrganisationKind of(String value) {
        return Arrays.stream(values()).filter(kind -> kind.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown organisation kind '" + value + "'; expected municipality, safety-region or national"));
    }
}
