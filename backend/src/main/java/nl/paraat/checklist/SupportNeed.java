package nl.paraat.checklist;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of help a household may say it would need; a fixed list, so that no free text is stored. */
@Serdeable
enum SupportNeed {
    MOBILITY("mobility"),
    MEDICAL_POWER("medical-power"),
    CARE_DEPENDENCY("care-dependency"),
    LANGUAGE("language");

    private final String code;

    SupportNeed(String code) {
        this.code = code;
    }

    @JsonValue
    String code() {
        return code;
    }

    static Optional<SupportNeed> find(String code) {
        return Arrays.stream(values()).filter(need -> need.code.equals(code)).findFirst();
    }
}
