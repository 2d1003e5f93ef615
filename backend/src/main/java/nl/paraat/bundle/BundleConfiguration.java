package nl.paraat.bundle;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * @param recheck       how often a served bundle is checked against the current content, points and
 *                      alerts; between checks every request gets the cached bytes
 * @param deltaMaxAge   a phone whose bundle is older than this gets a full bundle instead of changes
 * @param maxAge        how long apps and caches may keep a response without asking again
 */
@ConfigurationProperties("paraat.bundle")
public record BundleConfiguration(@Bindable(defaultValue = "5s") Duration recheck,
                                  @Bindable(defaultValue = "30d") Duration deltaMaxAge,
                                  @Bindable(defaultValue = "60s") Duration maxAge) {
}
