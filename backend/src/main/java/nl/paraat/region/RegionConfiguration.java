package nl.paraat.region;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * @param lookupToleranceMetres the generalised boundaries are rounded to about 100 m, so a point on
 *                              a beach or dike just outside every polygon still belongs to the
 *                              nearest municipality when it is this close
 */
@ConfigurationProperties("paraat.regions")
record RegionConfiguration(@Bindable(defaultValue = "500") @Min(0) @Max(5000) int lookupToleranceMetres) {
}
