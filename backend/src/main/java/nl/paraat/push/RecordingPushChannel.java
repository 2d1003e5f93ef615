package nl.paraat.push;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The embedded default: without Firebase configured every message is logged and kept, so the
 * whole flow from publishing to "sending" can be followed on a developer's machine.
 */
@Singleton
@Requires(property = "paraat.push.fcm-enabled", notEquals = "true")
class RecordingPushChannel implements PushChannel {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingPushChannel.class);
    private static final int KEEP = 10_000;

    private final List<PushMessage> recorded = new CopyOnWriteArrayList<>();

    @Override
    public List<PushResult> send(List<PushMessage> messages) {
        List<PushResult> results = new ArrayList<>(messages.size());
        for (PushMessage message : messages) {
            LOG.info("Push (not sent, Firebase is not configured): {} -> {}", message.collapseKey(), message.title());
            if (recorded.size() < KEEP) {
                recorded.add(message);
            }
            results.add(PushResult.delivered(message.target()));
        }
        return results;
    }

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public TopicResult subscribe(List<String> tokens, String topic) {
        LOG.info("Topic subscription (not sent, Firebase is not configured): {} tokens to {}", tokens.size(), topic);
        return TopicResult.allApplied();
    }

    @Override
    public TopicResult unsubscribe(List<String> tokens, String topic) {
        LOG.info("Topic unsubscription (not sent, Firebase is not configured): {} tokens from {}", tokens.size(), topic);
        return TopicResult.allApplied();
    }

    List<PushMessage> recorded() {
        return List.copyOf(recorded);
    }
}
