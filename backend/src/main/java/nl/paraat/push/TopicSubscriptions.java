package nl.paraat.push;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import nl.paraat.device.DeviceSubscriptionChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** In topic mode, keeps each device's token subscribed to exactly the topics of its municipalities and language. */
@Singleton
@Requires(notEnv = Environment.CLI)
class TopicSubscriptions {

    private static final Logger LOG = LoggerFactory.getLogger(TopicSubscriptions.class);

    private final PushChannel channel;
    private final PushSettings settings;

    TopicSubscriptions(PushChannel channel, PushSettings settings) {
        this.channel = channel;
        this.settings = settings;
    }

    @EventListener
    void onChange(DeviceSubscriptionChanged change) {
        if (!settings.topicMode()) {
            return;
        }
        Set<String> before = change.oldToken() == null ? Set.of()
                : Topics.forDevice(change.oldAreas(), change.oldLocale(), change.oldTestAlerts());
        Set<String> after = change.newToken() == null ? Set.of()
                : Topics.forDevice(change.newAreas(), change.newLocale(), change.newTestAlerts());
        boolean sameToken = change.oldToken() != null && change.oldToken().equals(change.newToken());
        try {
            for (String topic : before) {
                if (!sameToken || !after.contains(topic)) {
                    channel.unsubscribe(List.of(change.oldToken()), topic);
                }
            }
            for (String topic : new TreeSet<>(after)) {
                if (!sameToken || !before.contains(topic)) {
                    channel.subscribe(List.of(change.newToken()), topic);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Updating topic subscriptions failed; the device stays reachable through the polling feed: {}",
                    e.getMessage());
        }
    }
}
