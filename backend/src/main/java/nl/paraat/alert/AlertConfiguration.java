package nl.paraat.alert;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.List;

/**
 * Publishing without a second person is no setting of the installation: it is a privilege the operator
 * grants an organisation ({@code org single-person-publishing}), used by members with the role alert-urgent.
 *
 * @param maxDuration    the longest a message may stay active
 * @param trustedFeeds   organisations whose imported CAP messages are published without a second person
 */
@ConfigurationProperties("paraat.alerts")
public record AlertConfiguration(@Bindable(defaultValue = "7d") Duration maxDuration,
                                 @Nullable List<String> trustedFeeds) {

    boolean trusted(String organisation) {
        return trustedFeeds != null && trustedFeeds.contains(organisation);
    }
}
