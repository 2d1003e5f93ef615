package com.google.firebase.messaging;

import com.google.firebase.FirebaseApp;
import com.google.firebase.ImplFirebaseTrampolines;
import com.google.firebase.internal.ApiClientUtils;

/**
 * The SDK's messaging client without the SDK's own retries. The SDK retries a 503 up to four times
 * on the thread that sent it, sleeping between tries (up to a minute when FCM sends Retry-After), so
 * a batch waits for its unluckiest message; Paraat keeps every temporary failure in its database and
 * retries it there, with backoff, jitter and Retry-After, without holding up the rest. Everything else
 * (credentials, timeouts, the wire format) is the SDK's own. The SDK only builds its client this way
 * inside its package, hence this one class in it.
 */
public final class MessagingWithoutRetries {

    private MessagingWithoutRetries() {
    }

    public static FirebaseMessaging of(FirebaseApp app) {
        return FirebaseMessaging.builder()
                .setFirebaseApp(app)
                .setMessagingClient(() -> FirebaseMessagingClientImpl.builder()
                        .setProjectId(ImplFirebaseTrampolines.getProjectId(app))
                        .setRequestFactory(ApiClientUtils.newAuthorizedRequestFactory(app, null))
                        .setChildRequestFactory(ApiClientUtils.newUnauthorizedRequestFactory(app))
                        .setJsonFactory(app.getOptions().getJsonFactory())
                        .build())
                .setInstanceIdClient(() -> InstanceIdClientImpl.fromApp(app))
                .build();
    }
}
