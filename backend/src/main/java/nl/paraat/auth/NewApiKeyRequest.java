package nl.paraat.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.Set;

/**
 * @param member the subject of the member the key is for; only the member themselves may ask for one
 *               through the API. Without it the key is a system key.
 */
@Serdeable
record NewApiKeyRequest(@NotBlank @Size(max = 100) String label,
                        @NotEmpty Set<@NotNull Role> roles,
                        @Nullable @Size(max = 200) String member) {
}
