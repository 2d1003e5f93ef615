package nl.paraat.checklist;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * @param k     the fewest households a published figure may rest on, on either side (see README, "Privacy
 *              of readiness statistics"); below 2 a figure would describe one household
 * @param weeks how many ISO weeks the time series covers, the current one included
 */
@ConfigurationProperties("paraat.readiness")
record ReadinessConfiguration(@Bindable(defaultValue = "10") @Min(2) int k,
                              @Bindable(defaultValue = "12") @Min(1) @Max(104) int weeks) {
}
