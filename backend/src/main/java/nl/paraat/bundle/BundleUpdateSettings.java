package nl.paraat.bundle;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * @param enabled       tell apps with a silent push when their region's offline bundle changed
 * @param checkInterval how often the bundles of the 25 safety regions are compared with what was told
 * @param minInterval   the least time between two such pushes to one region, however often it changes
 */
@ConfigurationProperties("paraat.push.bundle-updates")
record BundleUpdateSettings(@Bindable(defaultValue = "true") boolean enabled,
                            @Bindable(defaultValue = "10m") Duration checkInterval,
                            @Bindable(defaultValue = "6h") Duration minInterval) {
}
