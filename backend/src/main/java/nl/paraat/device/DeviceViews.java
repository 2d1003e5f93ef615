package nl.paraat.device;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

final class DeviceViews {

    private DeviceViews() {
    }

    /** The new device's credentials; the secret is shown this once. */
    @Serdeable
    record Registered(String deviceId, String deviceSecret) {
    }

    /**
     * What the app tells about itself. Unknown properties are refused rather than ignored, so that
     * no name, number, e-mail or precise location can be sent along and end up anywhere.
     */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = false)
    record Registration(@Nullable @Size(max = 1024) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
                        String pushToken,
                        @NotNull Platform platform,
                        @NotBlank @Size(max = 8) String locale,
                        @NotEmpty @Size(max = 10) List<@NotNull @Pattern(regexp = "GM\\d{4}",
                                message = "must be a municipality code like GM0150") String> areas,
                        @Nullable @Pattern(regexp = "[0-9bcdefghjkmnpqrstuvwxyz]{1,5}",
                                message = "must be a geohash of at most 5 characters") String locationCell,
                        boolean testAlerts) {
    }

    @Serdeable
    record View(String deviceId, @Nullable Platform platform, String locale, boolean pushToken,
                @JsonInclude(JsonInclude.Include.ALWAYS) List<String> areas, @Nullable String locationCell,
                boolean testAlerts, Instant lastSeenAt) {
    }
}
