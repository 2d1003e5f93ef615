package nl.paraat.push;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Map;

/**
 * How the push of one alert went, over all chunks done so far.
 *
 * @param sent           messages the push service accepted, retries included
 * @param failed         messages that failed for good (including those of an expired or superseded alert not sent)
 * @param failures       those by reason: the push service's, or EXPIRED / SUPERSEDED for messages not sent
 * @param resent         messages sent a second time because their batch was on the wire when its instance stopped
 * @param pending        messages that failed for a while and will be tried again
 * @param oldestPendingSince when the oldest of those first failed
 * @param complete       every targeted device was sent or failed for good
 * @param publishedAlone the alert was published by one person without approval; a second person reviews it
 * @param channels       the same accounting per channel the push went through
 */
@Serdeable
record Delivery(long alertId, int targeted, int sent, int failed,
                @JsonInclude(JsonInclude.Include.ALWAYS) Map<String, Integer> failures, int retiredTokens, int resent,
                int pending, @Nullable Instant oldestPendingSince, int chunks, int chunksDone,
                @Nullable Instant firstSentAt, @Nullable Instant lastSentAt, boolean complete, boolean publishedAlone,
                @JsonInclude(JsonInclude.Include.ALWAYS) Map<String, ChannelDelivery> channels) {
}
