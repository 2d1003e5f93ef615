package nl.paraat.device;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Locale;

@Serdeable
public enum Platform {
    ANDROID, IOS, WEB;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
