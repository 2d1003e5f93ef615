package nl.paraat.auth;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.Set;

@Serdeable
record NewApiKeyRequest(@NotBlank @Size(max = 100) String label,
                        @NotEmpty Set<@NotNull Role> roles) {
}
