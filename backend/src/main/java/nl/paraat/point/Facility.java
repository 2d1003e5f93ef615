package nl.paraat.point;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

@Serdeable
public enum Facility {
    INFORMATION, DRINKING_WATER, CHARGING, FIRST_AID, SHELTER, FOOD, SANITARY, EMERGENCY_CALL, BACKUP_POWER,
    WHEELCHAIR_ACCESSIBLE;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Facility> find(String code) {
        return Arrays.stream(values()).filter(facility -> facility.code().equals(code)).findFirst();
    }

    @JsonCreator
    static Facility of(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("Unknown facility '" + code + "'; expected one of "
                + String.join(", ", Arrays.stream(values()).map(Facility::code).toList())));
    }

    static int mask(Collection<Facility> facilities) {
        int mask = 0;
        for (Facility facility : facilities) {
            mask |= 1 << facility.ordinal();
        }
        return mask;
    }

    static Set<Facility> fromMask(int mask) {
        Set<Facility> facilities = EnumSet.noneOf(Facility.class);
        for (Facility facility : values()) {
            if ((mask & (1 << facility.ordinal())) != 0) {
                facilities.add(facility);
            }
        }
        return facilities;
    }

    /** Stored as a comma-separated list of codes. */
    static String encode(Collection<Facility> facilities) {
        return String.join(",", facilities.stream().sorted().map(Facility::code).toList());
    }

    static Set<Facility> decode(String stored) {
        Set<Facility> facilities = EnumSet.noneOf(Facility.class);
        if (stored != null) {
            for (String code : stored.split(",")) {
                find(code.strip()).ifPresent(facilities::add);
            }
        }
        return facilities;
    }
}
