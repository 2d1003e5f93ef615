package nl.paraat.device;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * A device's push token, language or followed municipalities changed (or the device was erased:
 * then the new token is null), so that topic subscriptions can follow.
 */
public record DeviceSubscriptionChanged(@Nullable String oldToken, @Nullable String oldLocale, List<String> oldAreas,
                                        boolean oldTestAlerts, @Nullable String newToken, @Nullable String newLocale,
                                        List<String> newAreas, boolean newTestAlerts) {
}
