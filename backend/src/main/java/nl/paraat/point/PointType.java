package nl.paraat.point;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

@Serdeable
public enum PointType {
    FIRE_STATION, VILLAGE_HALL, LIBRARY, COMMUNITY_CENTRE, PLACE_OF_WORSHIP, TOWN_HALL, SCHOOL, OTHER;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<PointType> find(String code) {
        return Arrays.stream(values()).filter(type -> type.code().equals(code)).findFirst();
    }

    @JsonCreator
    static PointType of(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("Unknown type '" + code + "'; expected one of "
                + String.join(", ", Arrays.stream(values()).map(PointType::code).toList())));
    }
}
