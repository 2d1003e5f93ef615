package nl.paraat.common;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;

/**
 * Limits for anonymous writes (device registration, progress reports) per client address.
 *
 * @param publicWritesPerMinute how many non-GET requests one address may make to public endpoints per minute
 */
@ConfigurationProperties("paraat.rate-limit")
public record RateLimitConfiguration(@Bindable(defaultValue = "60") @Min(1) int publicWritesPerMinute) {
}
