package nl.paraat.content;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Arrays;
import java.util.Optional;

/** The hazards Paraat gives advice for; alerts link to their advice through these codes. */
@Serdeable
public enum Hazard {
    POWER_OUTAGE("power-outage"),
    DRINKING_WATER_OUTAGE("drinking-water-outage"),
    FLOOD("flood"),
    EXTREME_HEAT("extreme-heat"),
    STORM("storm"),
    WILDFIRE("wildfire"),
    HAZARDOUS_SUBSTANCES("hazardous-substances"),
    NUCLEAR_INCIDENT("nuclear-incident"),
    PANDEMIC("pandemic"),
    CYBER_ATTACK("cyber-attack"),
    TELECOM_OUTAGE("telecom-outage"),
    MILITARY_THREAT("military-threat");

    private final String code;

    Hazard(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static Optional<Hazard> find(String code) {
        return Arrays.stream(values()).filter(hazard -> hazard.code.equals(code)).findFirst();
    }
}
