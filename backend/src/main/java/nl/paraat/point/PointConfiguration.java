package nl.paraat.point;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * @param refreshInterval how often an instance checks whether another instance changed points
 * @param maxImportRows   the most points one import file may hold
 */
@ConfigurationProperties("paraat.points")
public record PointConfiguration(@Bindable(defaultValue = "2s") Duration refreshInterval,
                                 @Bindable(defaultValue = "5000") int maxImportRows) {
}
