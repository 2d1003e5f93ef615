package nl.paraat.push;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * @param fcmEnabled      send through Firebase Cloud Messaging; when off, messages are logged and recorded
 * @param projectId       the Firebase project
 * @param credentialsFile a service-account JSON file; unset means Google's application-default credentials
 * @param endpoint        send to this base address instead of Google's (a local fake FCM in tests)
 * @param timeout         connect and read timeout per request (the SDK's own default waits for ever)
 * @param concurrentRequests requests to FCM awaiting an answer at once. Each holds one of the SDK's threads
 *                        until its answer comes, so the rate is at most this many per round trip: the SDK's
 *                        default of 100 allows 5,000 sends/s at 20 ms, 400 allow 20,000
 */
@ConfigurationProperties("paraat.push")
public record PushConfiguration(@Bindable(defaultValue = "false") boolean fcmEnabled,
                                @Nullable String projectId,
                                @Nullable String credentialsFile,
                                @Nullable String endpoint,
                                @Bindable(defaultValue = "10s") Duration timeout,
                                @Bindable(defaultValue = "100") int concurrentRequests) {
}
