package nl.paraat.push;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Map;

/**
 * How the push of one alert went, over all chunks done so far.
 *
 * @param failures failed messages by the push service's reason
 * @param complete       every chunk has been sent
 * @param publishedAlone the alert was published by one person without approval; a second person reviews it
 */
@Serdeable
record Delivery(long alertId, int targeted, int sent, int failed,
                @JsonInclude(JsonInclude.Include.ALWAYS) Map<String, Integer> failures, int retiredTokens, int chunks,
                int chunksDone, @Nullable Instant firstSentAt, @Nullable Instant lastSentAt, boolean complete,
                boolean publishedAlone) {
}
