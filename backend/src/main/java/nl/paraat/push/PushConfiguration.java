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
 */
@ConfigurationProperties("paraat.push")
public record PushConfiguration(@Bindable(defaultValue = "false") boolean fcmEnabled,
                                @Nullable String projectId,
                                @Nullable String credentialsFile,
                                @Nullable String endpoint,
                                @Bindable(defaultValue = "10s") Duration timeout) {
}
