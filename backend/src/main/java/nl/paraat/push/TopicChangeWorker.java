package nl.paraat.push;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import nl.paraat.device.DeviceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Applies the recorded topic subscription changes at FCM, outside any transaction, together with the
 * other instances: each round claims due changes with a lease, sends them one request per topic and
 * kind (up to the SDK's 1,000 tokens), deletes what FCM applied and puts the rest off with a growing
 * backoff. Only the oldest change of a token and topic is ever due, so a later one cannot overtake it.
 */
@Singleton
@Requires(notEnv = Environment.CLI)
class TopicChangeWorker {

    private static final Logger LOG = LoggerFactory.getLogger(TopicChangeWorker.class);
    private static final int MAX_ERROR = 200;

    private final PushRepositories.TopicChanges changes;
    private final PushChannel channel;
    private final DeviceService devices;
    private final TopicChangeSettings settings;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "push-topics");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile boolean stopping;

    TopicChangeWorker(PushRepositories.TopicChanges changes, PushChannel channel, DeviceService devices,
                      TopicChangeSettings settings, Clock clock) {
        this.changes = changes;
        this.channel = channel;
        this.devices = devices;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${paraat.push.topics.poll-interval:5s}", initialDelay = "${paraat.push.topics.poll-interval:5s}")
    void poll() {
        wake();
    }

    /** Applies the due changes on the worker's thread; a wake-up during a run queues one more run, never more. */
    void wake() {
        if (!stopping && queued.compareAndSet(false, true)) {
            runner.execute(() -> {
                queued.set(false);
                applyWhileDue();
            });
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        runner.shutdownNow();
    }

    private void applyWhileDue() {
        try {
            while (!stopping && applyDue() > 0) {
                // next round, until nothing is due
            }
        } catch (RuntimeException e) {
            if (!stopping) {
                LOG.warn("Applying topic subscription changes failed; retrying at the next poll: {}", e.getMessage());
            }
        }
    }

    /** One round. @return how many changes it claimed */
    int applyDue() {
        Instant now = now();
        List<PushTopicChange> due = changes.findDue(now);
        if (due.isEmpty()) {
            return 0;
        }
        String owner = "topics-" + UUID.randomUUID();
        changes.claim(due.stream().map(PushTopicChange::id).toList(), owner, now.plus(settings.lease()), now);
        List<PushTopicChange> claimed = changes.findByLeaseOwnerOrderById(owner);
        Map<String, List<PushTopicChange>> requests = new LinkedHashMap<>();
        claimed.forEach(change -> requests.computeIfAbsent((change.subscribe() ? "+" : "-") + change.topic(),
                key -> new ArrayList<>()).add(change));
        List<List<PushTopicChange>> left = new ArrayList<>(requests.values());
        while (!left.isEmpty() && !stopping) {
            List<PushTopicChange> request = left.remove(0);
            if (!apply(request, owner)) {
                if (!stopping) {
                    // FCM did not answer or refused the whole request: the others would fare no better now.
                    left.forEach(rest -> retryLater(rest, owner, "not tried: FCM was unavailable"));
                }
                break;
            }
        }
        return claimed.size();
    }

    /** @return whether FCM answered the request */
    private boolean apply(List<PushTopicChange> request, String owner) {
        PushTopicChange first = request.get(0);
        List<String> tokens = request.stream().map(PushTopicChange::token).toList();
        TopicResult result;
        try {
            result = first.subscribe() ? channel.subscribe(tokens, first.topic()) : channel.unsubscribe(tokens, first.topic());
        } catch (RuntimeException unavailable) {
            if (stopping) {
                LOG.info("Stopping with {} topic changes claimed; another instance applies them when their lease runs out",
                        tokens.size());
                return false;
            }
            LOG.warn("{} {} tokens {} topic {} failed; retrying with backoff: {}", first.subscribe() ? "Subscribing" : "Unsubscribing",
                    tokens.size(), first.subscribe() ? "to" : "from", first.topic(), unavailable.getMessage());
            retryLater(request, owner, unavailable.getMessage());
            return false;
        }
        List<Long> settled = new ArrayList<>();
        List<String> dead = new ArrayList<>();
        List<PushTopicChange> again = new ArrayList<>();
        for (PushTopicChange change : request) {
            TopicResult.Outcome outcome = result.outcome(change.token());
            if (outcome == TopicResult.Outcome.TEMPORARY && change.attempts() < settings.tokenRetries()) {
                again.add(change);
                continue;
            }
            settled.add(change.id());
            if (outcome == TopicResult.Outcome.DEAD_TOKEN) {
                dead.add(change.token());
            } else if (outcome != TopicResult.Outcome.APPLIED) {
                LOG.warn("FCM refused a change of topic {} for good after {} attempts: {}", change.topic(),
                        change.attempts(), result.failures().get(change.token()));
            }
        }
        if (!settled.isEmpty()) {
            changes.settle(settled, owner);
        }
        if (!dead.isEmpty()) {
            LOG.info("Retired {} push tokens that FCM does not know", devices.retireTokens(dead));
        }
        if (!again.isEmpty()) {
            retryLater(again, owner, result.failures().get(again.get(0).token()));
        }
        return true;
    }

    /** Releases the changes until their backoff, which doubles with each attempt. */
    private void retryLater(List<PushTopicChange> request, String owner, String error) {
        String reason = error == null ? "unknown" : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        Map<Integer, List<Long>> byAttempts = new TreeMap<>();
        request.forEach(change -> byAttempts.computeIfAbsent(change.attempts(), n -> new ArrayList<>()).add(change.id()));
        Instant now = now();
        byAttempts.forEach((attempts, ids) -> changes.retryLater(ids, owner, now.plus(backoff(attempts)), reason));
    }

    private Duration backoff(int attempts) {
        long first = settings.backoff().toMillis();
        long doubled = first << Math.min(20, Math.max(0, attempts - 1));
        long capped = Math.min(settings.maxBackoff().toMillis(), doubled);
        // a little jitter, so that the instances' retries after an outage do not all arrive at once
        return Duration.ofMillis(capped + ThreadLocalRandom.current().nextLong(capped / 10 + 1));
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
