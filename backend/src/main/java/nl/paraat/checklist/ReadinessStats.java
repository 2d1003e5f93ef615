package nl.paraat.checklist;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.paraat.region.AreaRef;

import java.util.List;
import java.util.Map;

/**
 * Readiness of an area's households as far as it may be published. A suppressed figure is sent as
 * {@code null} (not left out) and named in {@code suppressed}, so that a dashboard can say why it is empty.
 *
 * @param households the devices that count, in the municipalities with at least k of them
 * @param completeKit households whose emergency kit is complete
 * @param plan        households whose household plan is complete
 * @param items       per checklist and item, the households that have done it
 * @param suppressed  the names of the figures sent as null, e.g. {@code items.emergency-kit.candles}
 */
@Serdeable
record ReadinessStats(AreaRef region, int k,
                      @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Integer households,
                      Municipalities municipalities,
                      @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Figure completeKit,
                      @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Figure plan,
                      @JsonInclude(JsonInclude.Include.ALWAYS) Map<String, Map<String, Figure>> items,
                      Needs needs,
                      List<Week> weeks,
                      @JsonInclude(JsonInclude.Include.ALWAYS) List<String> suppressed,
                      String suppressionRule) {

    /**
     * @param published  municipalities with at least k contributing households, summed into the figures
     * @param suppressed municipalities with fewer (none included), left out of every figure
     */
    @Serdeable
    record Municipalities(int published, int suppressed) {
    }

    /**
     * @param count households counted in the figure
     * @param of    the households it is a share of: those of the municipalities that publish this figure
     * @param share {@code count / of}, to four decimals
     */
    @Serdeable
    record Figure(int count, int of, double share) {

        static Figure of(int count, int of) {
            return new Figure(count, of, Math.round(count * 10_000.0 / of) / 10_000.0);
        }
    }

    /** @param categories per {@link SupportNeed} code, households that opted in and need that help */
    @Serdeable
    record Needs(@JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Figure optedIn,
                 @JsonInclude(JsonInclude.Include.ALWAYS) Map<String, Figure> categories) {
    }

    /** The state at the end of an ISO week (or now, for the current week). */
    @Serdeable
    record Week(String week,
                @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Integer households,
                @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Figure completeKit,
                @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Figure plan) {
    }
}
