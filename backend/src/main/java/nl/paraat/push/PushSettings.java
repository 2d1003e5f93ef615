package nl.paraat.push;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * @param chunkSize         device ids per chunk of work
 * @param lease             how long an instance may hold a chunk before another may take it over
 * @param sendsPerSecond    this instance's ceiling; FCM's default quota is 600,000 messages a minute per project
 * @param retries           further attempts for messages that failed temporarily (throttled, unavailable)
 * @param backoff           the first wait before a retry; it doubles each time, with jitter
 * @param maxBackoff        the longest wait between two tries of one message (a longer Retry-After wins). Short,
 *                          because one message failing again says little about FCM: an FCM that fails everything
 *                          pauses the channel and is probed with one message, and throttling sets Retry-After
 * @param startOnPublish  start sending as soon as this instance publishes, rather than at the next poll
 * @param workers         chunks this instance works on at the same time: one reads its devices and builds
 *                          its messages while another's batch is on the wire
 * @param batchesInFlight   push-service batches this instance sends at the same time; the SDK already sends
 *                          each batch's messages over many connections, so more mostly adds contention
 * @param mode              {@code token}: one message per device, with exact delivery accounting;
 *                          {@code topic}: one message per municipality and language, FCM fans out
 */
@ConfigurationProperties("paraat.push.dispatch")
public record PushSettings(@Bindable(defaultValue = "5000") int chunkSize,
                           @Bindable(defaultValue = "60s") Duration lease,
                           @Bindable(defaultValue = "10000") int sendsPerSecond,
                           @Bindable(defaultValue = "3") int retries,
                           @Bindable(defaultValue = "200ms") Duration backoff,
                           @Bindable(defaultValue = "1s") Duration maxBackoff,
                           @Bindable(defaultValue = "token") String mode,
                           @Bindable(defaultValue = "2") int workers,
                           @Bindable(defaultValue = "1") int batchesInFlight,
                           @Bindable(defaultValue = "true") boolean startOnPublish) {

    boolean topicMode() {
        return "topic".equalsIgnoreCase(mode);
    }
}
