package nl.paraat.point;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** {@code planned}: not yet usable; {@code standby}: ready to open; {@code active}: open for a crisis; {@code closed}. */
@Serdeable
public enum PointStatus {
    PLANNED, STANDBY, ACTIVE, CLOSED;

    /** What residents see when they do not ask for particular statuses. */
    public static final Set<PointStatus> RESIDENT_DEFAULT = EnumSet.of(STANDBY, ACTIVE);

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PointStatus> find(String code) {
        return Arrays.stream(values()).filter(status -> status.code().equals(code)).findFirst();
    }

    @JsonCreator
    static PointStatus of(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("Unknown status '" + code
                + "'; expected planned, standby, active or closed"));
    }
}
