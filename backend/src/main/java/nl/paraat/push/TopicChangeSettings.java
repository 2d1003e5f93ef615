package nl.paraat.push;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How topic subscription changes are applied at FCM (topic mode); they are also looked for every
 * {@code paraat.push.topics.poll-interval}, so that another instance's changes and retries are not missed.
 *
 * @param lease        how long an instance may hold a change before another may take it over; longer
 *                     than the SDK's slowest request (timeout times five tries, with its own backoff)
 * @param backoff      the wait after the first failed attempt; it doubles with each further one
 * @param maxBackoff   the longest wait between attempts while FCM stays unavailable
 * @param tokenRetries attempts for a token that FCM reports a temporary error for, before giving its change up
 */
@ConfigurationProperties("paraat.push.topics")
public record TopicChangeSettings(@Bindable(defaultValue = "2m") Duration lease,
                                  @Bindable(defaultValue = "5s") Duration backoff,
                                  @Bindable(defaultValue = "10m") Duration maxBackoff,
                                  @Bindable(defaultValue = "10") int tokenRetries) {
}
