package nl.paraat.push;

import com.google.api.client.http.HttpTransport;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import com.google.firebase.internal.ApacheHttp2Transport;
import com.google.firebase.messaging.AndroidConfig;
import com.google.firebase.messaging.AndroidNotification;
import com.google.firebase.messaging.ApnsConfig;
import com.google.firebase.messaging.Aps;
import com.google.firebase.messaging.ApsAlert;
import com.google.firebase.messaging.BatchResponse;
import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.FirebaseMessagingException;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.MessagingErrorCode;
import com.google.firebase.messaging.Notification;
import com.google.firebase.messaging.SendResponse;
import com.google.firebase.messaging.TopicManagementResponse;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Firebase Cloud Messaging through the Firebase Admin SDK (HTTP v1), in batches of at most 500.
 * With an endpoint configured, the SDK's requests to Google's hosts go to that address instead.
 */
@Singleton
@Requires(property = "paraat.push.fcm-enabled", value = "true")
class FcmPushChannel implements PushChannel {

    static final int MAX_BATCH = 500;
    /** The Instance ID service's limit of tokens per topic subscription request. */
    static final int MAX_TOPIC_BATCH = 1000;
    private static final Set<MessagingErrorCode> DEAD_TOKEN = Set.of(MessagingErrorCode.UNREGISTERED,
            MessagingErrorCode.SENDER_ID_MISMATCH);
    private static final Set<com.google.firebase.ErrorCode> TEMPORARY = Set.of(com.google.firebase.ErrorCode.UNAVAILABLE,
            com.google.firebase.ErrorCode.INTERNAL, com.google.firebase.ErrorCode.UNKNOWN,
            com.google.firebase.ErrorCode.DEADLINE_EXCEEDED, com.google.firebase.ErrorCode.RESOURCE_EXHAUSTED,
            com.google.firebase.ErrorCode.ABORTED, com.google.firebase.ErrorCode.CANCELLED);
    private static final Set<MessagingErrorCode> RETRYABLE = Set.of(MessagingErrorCode.QUOTA_EXCEEDED,
            MessagingErrorCode.UNAVAILABLE, MessagingErrorCode.INTERNAL);

    private final FirebaseApp app;
    private final FirebaseMessaging messaging;
    private final HttpTransport transport;
    private final GoogleCredentials credentials;

    FcmPushChannel(PushConfiguration configuration) {
        this.credentials = credentials(configuration);
        FirebaseOptions.Builder options = FirebaseOptions.builder()
                .setCredentials(credentials)
                .setConnectTimeout((int) configuration.timeout().toMillis())
                .setReadTimeout((int) configuration.timeout().toMillis());
        if (configuration.projectId() != null) {
            options.setProjectId(configuration.projectId());
        }
        // The app's own transport, so that closing the channel can shut it down (deleting the app does not).
        FcmSendCapacity capacity = new FcmSendCapacity(configuration.concurrentRequests());
        this.transport = configuration.endpoint() != null && !configuration.endpoint().isBlank()
                ? new RedirectingTransport(configuration.endpoint(), capacity.transport()) : capacity.transport();
        options.setHttpTransport(transport).setThreadManager(capacity.threads());
        this.app = FirebaseApp.initializeApp(options.build(), "paraat-" + UUID.randomUUID());
        // Paraat retries temporary failures itself, durably and without holding up the batch.
        this.messaging = com.google.firebase.messaging.MessagingWithoutRetries.of(app);
    }

    @Override
    public List<PushResult> send(List<PushMessage> messages) {
        List<PushResult> results = new ArrayList<>(messages.size());
        for (int from = 0; from < messages.size(); from += MAX_BATCH) {
            List<PushMessage> batch = messages.subList(from, Math.min(messages.size(), from + MAX_BATCH));
            results.addAll(sendBatch(batch));
        }
        return results;
    }

    private List<PushResult> sendBatch(List<PushMessage> batch) {
        // The parts that do not name the device are built once per distinct message in the batch.
        Map<PushMessage, Parts> shared = new HashMap<>();
        List<Message> built = batch.stream()
                .map(push -> shared.computeIfAbsent(push.withoutTarget(), Parts::of).addressedAs(push)).toList();
        List<PushResult> results = new ArrayList<>(batch.size());
        try {
            BatchResponse response = messaging.sendEach(built);
            List<SendResponse> responses = response.getResponses();
            for (int i = 0; i < batch.size(); i++) {
                results.add(result(batch.get(i).target(), responses.get(i)));
            }
        } catch (FirebaseMessagingException e) {
            // The whole batch failed, for example on authentication or a token refresh: nothing was sent. Only
            // refused credentials are not worth retrying; everything else is tried again later.
            // After a 401 the SDK refreshes the access token; when that fails it reports the batch as CANCELLED
            // without an answer, which must not pass for a temporary failure.
            boolean refused = refusedCredentials(e) || e.getHttpResponse() == null
                    && e.getErrorCode() == com.google.firebase.ErrorCode.CANCELLED && !credentialsRefresh();
            String error = refused ? "UNAUTHENTICATED" : e.getMessagingErrorCode() != null
                    ? e.getMessagingErrorCode().name()
                    : e.getHttpResponse() == null && causedByIo(e) ? "NO_ANSWER" : e.getErrorCode().name();
            boolean retryable = !PushResult.AUTHENTICATION_ERRORS.contains(error);
            batch.forEach(message -> results.add(new PushResult(message.target(), false, error, false, retryable,
                    retryAfter(e))));
        } catch (RuntimeException e) {
            // Anything else the SDK throws for the batch (a failed token refresh, a broken transport): nothing was sent.
            boolean refused = refusedCredentials(e);
            batch.forEach(message -> results.add(new PushResult(message.target(), false,
                    refused ? "UNAUTHENTICATED" : "BATCH_FAILED", false, !refused, null)));
        }
        return results;
    }

    private static PushResult result(String token, SendResponse response) {
        if (response.isSuccessful()) {
            return PushResult.delivered(token);
        }
        FirebaseMessagingException failure = response.getException();
        if (refusedCredentials(failure)) {
            return new PushResult(token, false, "UNAUTHENTICATED", false, false, null);
        }
        if (failure.getHttpResponse() == null && causedByIo(failure)) {
            // No answer in time, or the connection broke: the SDK does not retry these, Paraat does.
            return new PushResult(token, false, "NO_ANSWER", false, true, null);
        }
        MessagingErrorCode code = failure.getMessagingErrorCode();
        String error = code != null ? code.name() : failure.getErrorCode().name();
        // A 5xx or 429 without FCM's error detail is as temporary as one with it.
        boolean retryable = code != null ? RETRYABLE.contains(code) : TEMPORARY.contains(failure.getErrorCode());
        return new PushResult(token, false, error, code != null && DEAD_TOKEN.contains(code), retryable,
                retryAfter(failure));
    }

    /** Whether the credentials can get a new access token now; a fixed token or a revoked account cannot. */
    private boolean credentialsRefresh() {
        try {
            credentials.refresh();
            return true;
        } catch (IOException | IllegalStateException e) {
            return false;
        }
    }

    /**
     * Refused credentials, however the SDK reports them: a 401 or 403 answer, or an access token that
     * could not be refreshed after a 401 (a fixed token, a revoked service account).
     */
    private static boolean refusedCredentials(Throwable failure) {
        if (failure instanceof FirebaseMessagingException messaging && messaging.getHttpResponse() != null) {
            int status = messaging.getHttpResponse().getStatusCode();
            if (status == 401 || status == 403) {
                return true;
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof com.google.api.client.http.HttpResponseException http
                    && (http.getStatusCode() == 401 || http.getStatusCode() == 403)) {
                return true;
            }
            String message = cause.getMessage();
            if (message != null && message.contains("refresh") && message.toLowerCase(java.util.Locale.ROOT).contains("token")) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedByIo(Throwable failure) {
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static Duration retryAfter(FirebaseMessagingException failure) {
        if (failure.getHttpResponse() == null) {
            return null;
        }
        Object header = failure.getHttpResponse().getHeaders().get("retry-after");
        String value = header instanceof List<?> list && !list.isEmpty() ? String.valueOf(list.get(0))
                : header == null ? null : header.toString();
        try {
            return value == null ? null : Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException notSeconds) {
            return null;
        }
    }

    static Message message(PushMessage push) {
        return Parts.of(push).addressedAs(push);
    }

    /** A message's notification and platform settings, which are the same for every device it goes to. */
    private record Parts(@io.micronaut.core.annotation.Nullable Notification notification, Map<String, String> data, AndroidConfig android, ApnsConfig apns) {

        static Parts of(PushMessage push) {
            long ttlMillis = Math.max(0, push.timeToLive().toMillis());
            String expiration = Long.toString(System.currentTimeMillis() / 1000 + ttlMillis / 1000);
            if (push.silent()) {
                // Data only, normal priority: background delivery that neither wakes the screen nor uses the high-priority budget.
                return new Parts(null, push.data(),
                        AndroidConfig.builder().setPriority(AndroidConfig.Priority.NORMAL).setTtl(ttlMillis)
                                .setCollapseKey(push.collapseKey()).build(),
                        ApnsConfig.builder()
                                .putHeader("apns-priority", "5")
                                .putHeader("apns-push-type", "background")
                                .putHeader("apns-collapse-id", push.collapseKey())
                                .putHeader("apns-expiration", expiration)
                                .setAps(Aps.builder().setContentAvailable(true).build())
                                .build());
            }
            // A cancellation the issuer did not mark as severe ends a warning: shown, but without waking or ringing.
            boolean quiet = !push.urgent() && "Cancel".equals(push.data().get("msgType"));
            return new Parts(Notification.builder().setTitle(push.title()).setBody(push.body()).build(), push.data(),
                    AndroidConfig.builder()
                            .setPriority(quiet ? AndroidConfig.Priority.NORMAL : AndroidConfig.Priority.HIGH)
                            .setTtl(ttlMillis)
                            .setCollapseKey(push.collapseKey())
                            .setNotification(AndroidNotification.builder().setTag(push.collapseKey()).build())
                            .build(),
                    ApnsConfig.builder()
                            .putHeader("apns-priority", quiet ? "5" : "10")
                            .putHeader("apns-collapse-id", push.collapseKey())
                            .putHeader("apns-expiration", expiration)
                            .setAps(quiet ? Aps.builder()
                                    .setAlert(ApsAlert.builder().setTitle(push.title()).setBody(push.body()).build())
                                    .putCustomData("interruption-level", "passive")
                                    .build()
                                    : Aps.builder()
                                    .setAlert(ApsAlert.builder().setTitle(push.title()).setBody(push.body()).build())
                                    .setSound("default")
                                    .putCustomData("interruption-level", push.urgent() ? "time-sensitive" : "active")
                                    .build())
                            .build());
        }

        Message addressedAs(PushMessage push) {
            Message.Builder builder = Message.builder();
            if (push.token() != null) {
                builder.setToken(push.token());
            } else {
                builder.setTopic(push.topic());
            }
            if (notification != null) {
                builder.setNotification(notification);
            }
            return builder.putAllData(data).setAndroidConfig(android).setApnsConfig(apns).build();
        }
    }

    @Override
    public String name() {
        return "fcm";
    }

    @Override
    public TopicResult subscribe(List<String> tokens, String topic) {
        return changeTopic(tokens, topic, true);
    }

    @Override
    public TopicResult unsubscribe(List<String> tokens, String topic) {
        return changeTopic(tokens, topic, false);
    }

    private TopicResult changeTopic(List<String> tokens, String topic, boolean subscribe) {
        Map<String, String> failures = new HashMap<>();
        try {
            for (int from = 0; from < tokens.size(); from += MAX_TOPIC_BATCH) {
                List<String> batch = tokens.subList(from, Math.min(tokens.size(), from + MAX_TOPIC_BATCH));
                TopicManagementResponse response = subscribe ? messaging.subscribeToTopic(batch, topic)
                        : messaging.unsubscribeFromTopic(batch, topic);
                response.getErrors().forEach(error -> failures.put(batch.get(error.getIndex()), error.getReason()));
            }
        } catch (FirebaseMessagingException e) {
            String error = e.getMessagingErrorCode() != null ? e.getMessagingErrorCode().name()
                    : e.getHttpResponse() == null && causedByIo(e) ? "NO_ANSWER" : e.getErrorCode().name();
            throw new IllegalStateException(error + ": " + e.getMessage(), e);
        }
        return new TopicResult(failures);
    }

    @PreDestroy
    void close() {
        app.delete();
        try {
            transport.shutdown();
        } catch (IOException e) {
            // the application is stopping anyway
        }
    }

    private static GoogleCredentials credentials(PushConfiguration configuration) {
        try {
            if (configuration.endpoint() != null && configuration.credentialsFile() == null) {
                // A fake FCM needs no real credentials; an access token far in the future needs no network.
                return GoogleCredentials.create(new AccessToken("local-fake-fcm", new Date(Long.MAX_VALUE / 2)));
            }
            if (configuration.credentialsFile() != null) {
                try (InputStream in = new FileInputStream(configuration.credentialsFile())) {
                    return GoogleCredentials.fromStream(in);
                }
            }
            return GoogleCredentials.getApplicationDefault();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Firebase credentials", e);
        }
    }
}
