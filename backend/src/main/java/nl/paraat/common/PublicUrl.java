package nl.paraat.common;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Where residents and other systems reach this installation ({@code PARAAT_PUBLIC_URL}), for the links
 * in feeds and exports: never taken from a request's Host header, which any client can set.
 *
 * @param publicUrl an absolute http or https address without a trailing slash, such as {@code https://paraat.example.nl}
 */
@ConfigurationProperties("paraat")
public record PublicUrl(@Bindable(defaultValue = "http://localhost:8080")
                        @NotBlank @Pattern(regexp = "https?://[^/?#\\s]+(/[^?#\\s]*[^/?#\\s])?") String publicUrl) {
}
