package nl.paraat.auth;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Arrays;
import java.util.Optional;

/** What a member of an organisation may do. */
@Serdeable
public enum Role {
    EDITOR("editor"),
    POINT_MANAGER("point-manager"),
    ALERT_ISSUER("alert-issuer"),
    ALERT_APPROVER("alert-approver"),
    /** Publishes an Extreme, Immediate message alone; only where the organisation holds that privilege. */
    ALERT_URGENT("alert-urgent"),
    ADMIN("admin");

    private final String value;

    Role(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public static Optional<Role> find(String value) {
        return Arrays.stream(values()).filter(role -> role.value.equals(value)).findFirst();
    }

    @JsonCreator
    public static Role of(String value) {
        return find(value).orElseThrow(() -> new IllegalArgumentException(
                "Unknown role '" + value + "'; expected one of editor, point-manager, alert-issuer, alert-approver, alert-urgent, admin"));
    }
}
