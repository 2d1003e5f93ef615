package nl.paraat.push;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import nl.paraat.common.Digest;
import nl.paraat.device.DeviceSubscriptionChanged;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * In topic mode, keeps each device's token subscribed to exactly the topics of its municipalities and
 * language. The device's transaction only records the wanted changes; {@link TopicChangeWorker}
 * applies them at FCM after the commit, so that a rollback sends nothing and an unavailable FCM
 * delays the changes instead of losing them.
 */
@Singleton
@Requires(notEnv = Environment.CLI)
class TopicSubscriptions {

    private final PushRepositories.TopicChanges changes;
    private final TopicChangeWorker worker;
    private final PushSettings settings;
    private final Clock clock;

    TopicSubscriptions(PushRepositories.TopicChanges changes, TopicChangeWorker worker, PushSettings settings, Clock clock) {
        this.changes = changes;
        this.worker = worker;
        this.settings = settings;
        this.clock = clock;
    }

    /** Runs inside the device's transaction: writes rows, calls nobody. */
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
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        List<PushTopicChange> wanted = new ArrayList<>();
        for (String topic : before) {
            if (!sameToken || !after.contains(topic)) {
                wanted.add(change(change.oldToken(), topic, false, now));
            }
        }
        for (String topic : after) {
            if (!sameToken || !before.contains(topic)) {
                wanted.add(change(change.newToken(), topic, true, now));
            }
        }
        if (!wanted.isEmpty()) {
            changes.saveAll(wanted);
        }
    }

    /** This instance applies its own devices' changes at once; the poll picks up the rest. */
    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void afterCommit(DeviceSubscriptionChanged change) {
        if (settings.topicMode()) {
            worker.wake();
        }
    }

    private static PushTopicChange change(String token, String topic, boolean subscribe, Instant now) {
        return new PushTopicChange(null, token, digest(token), topic, subscribe, now, 0, now, null, null, null);
    }

    private static String digest(String token) {
        return Digest.of(token.getBytes(StandardCharsets.UTF_8));
    }
}
