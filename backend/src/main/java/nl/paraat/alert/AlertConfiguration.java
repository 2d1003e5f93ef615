package nl.paraat.alert;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.List;

/**
 * @param allowImmediate whether one person may publish an Extreme and Immediate message without a
 *                       second person; such messages are always flagged for review afterwards
 * @param maxDuration    the longest a message may stay active
 * @param trustedFeeds   organisations whose imported CAP messages are published without a second person
 */
@ConfigurationProperties("paraat.alerts")
public record AlertConfiguration(@Bindable(defaultValue = "true") boolean allowImmediate,
                                 @Bindable(defaultValue = "7d") Duration maxDuration,
                                 @Nullable List<String> trustedFeeds) {

    boolean trusted(String organisation) {
        return trustedFeeds != null && trustedFeeds.contains(organisation);
    }
}
