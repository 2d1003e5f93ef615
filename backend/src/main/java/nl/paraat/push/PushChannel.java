package nl.paraat.push;

import java.util.List;

/**
 * A way to reach residents' phones. Firebase Cloud Messaging is one; Google's terms say it must not
 * be the only path for emergency alerts, so channels sit behind this interface and the polling feed
 * {@code GET /api/v1/alerts} stays available to every app.
 */
public interface PushChannel {

    /** Sends the messages and answers for each, in the same order. */
    List<PushResult> send(List<PushMessage> messages);

    String name();

    /**
     * Topic mode: the push service delivers a topic's messages to the tokens subscribed to it.
     *
     * @return the push service's answer for each token
     * @throws RuntimeException when the push service did not answer or refused the whole request
     *                          (unavailable, credentials): nothing can be said about any token
     */
    TopicResult subscribe(List<String> tokens, String topic);

    /** @see #subscribe */
    TopicResult unsubscribe(List<String> tokens, String topic);
}
