package nl.paraat.push;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Map;

/**
 * How the push of one alert went through one channel; the fields mean what they mean in {@link Delivery}.
 * {@code targeted} = {@code sent} + {@code failed} + {@code pending} once every batch is recorded.
 */
@Serdeable
record ChannelDelivery(int targeted, int sent, int resent, int pending, @Nullable Instant oldestPendingSince, int failed,
                       @JsonInclude(JsonInclude.Include.ALWAYS) Map<String, Integer> failures, int retiredTokens,
                       @Nullable Instant firstSentAt, @Nullable Instant lastSentAt) {
}
