package nl.paraat.push;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import nl.paraat.content.ContentConfiguration;
import nl.paraat.device.DeviceService;
import nl.paraat.device.PushTarget;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * Sends one chunk: finds its devices, writes each a message in its language, sends under the rate
 * limit, retries temporary failures with backoff and jitter (waiting at least as long as the push
 * service asks), and retires dead tokens at once.
 */
@Singleton
class PushSender {

    private final PushChannel channel;
    private final PushHealth health;
    private final DeviceService devices;
    private final SendRateLimiter rate;
    private final PushSettings settings;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final List<String> languages;
    private final PushTexts texts;
    private final Semaphore onTheWire;

    /** The channel this instance sends through. */
    String channelName() {
        return channel.name();
    }

    PushSender(PushChannel channel, PushHealth health, DeviceService devices, SendRateLimiter rate, PushSettings settings,
               MeterRegistry metrics, Clock clock, ContentConfiguration content, PushTexts texts) {
        this.channel = channel;
        this.health = health;
        this.devices = devices;
        this.rate = rate;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
        this.languages = content.locales();
        this.texts = texts;
        this.onTheWire = new Semaphore(Math.max(1, settings.batchesInFlight()), true);
    }

    /** The push service refused the credentials; the chunk stays unsent and its lease runs out. */
    static final class ChannelRefused extends RuntimeException {
        ChannelRefused(String error) {
            super("the push service refused Paraat's credentials: " + error);
        }
    }

    record Outcome(int targeted, int sent, int failed, int retired, Map<String, Integer> failures, Instant firstSentAt,
                   Instant lastSentAt) {

        String failuresText() {
            return failures.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
        }
    }

    /**
     * What became of each message of one batch, sent once.
     *
     * @param errors     per message: null when it was sent or is worth another try, else why it failed for good
     * @param retryAfter per message worth another try, how long the push service asked to wait for it, when it said so:
     *                   a 429 for one message does not hold back the 503s of the same batch
     */
    record Attempt(int sent, Map<String, Integer> failures, List<Integer> retryable, List<String> errors, Set<Integer> deadTokens,
                   Map<Integer, Duration> retryAfter, int retired, Instant sentAt) {

        int failed() {
            return failures.values().stream().mapToInt(Integer::intValue).sum();
        }

        @io.micronaut.core.annotation.Nullable
        Duration retryAfterOf(int index) {
            return retryAfter.get(index);
        }
    }

    /** The devices of a range that an alert reaches. */
    List<PushTarget> targets(PushRequest content, long fromDevice, long toDevice) {
        return devices.targets(fromDevice, toDevice, content.municipalities(), content.cells(), content.testOnly());
    }

    /** One message per target, in its language: the text and data are built once per language. */
    List<PushMessage> messagesFor(PushRequest content, List<PushTarget> targets) {
        Map<String, PushMessage> perLanguage = new HashMap<>();
        return targets.stream().map(target -> perLanguage.computeIfAbsent(target.locale(),
                locale -> texts.write(content, locale)).forToken(target.token())).toList();
    }

    /**
     * Sends one batch once, under the rate limit, and sorts the results: sent, failed for good (dead
     * tokens are retired at once), or worth another try later, which the caller keeps durably.
     *
     * @throws ChannelRefused when the push service refuses Paraat's credentials; nothing counts as sent
     */
    Attempt attempt(PushRequest content, List<PushTarget> targets) {
        List<PushResult> results = sendOnTheWire(messagesFor(content, targets));
        results.stream().filter(PushResult::authenticationFailed).findFirst().ifPresent(refused -> {
            health.authenticationFailed(refused.error());
            throw new ChannelRefused(refused.error());
        });
        int sent = 0;
        Map<String, Integer> failures = new TreeMap<>();
        List<Integer> retryable = new ArrayList<>();
        List<PushTarget> dead = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Set<Integer> deadAt = new java.util.HashSet<>();
        Map<Integer, Duration> retryAfter = new HashMap<>();
        for (int i = 0; i < results.size(); i++) {
            PushResult result = results.get(i);
            errors.add(result.sent() || (result.retryable() && !result.tokenIsDead()) ? null
                    : result.error() == null ? "UNKNOWN" : result.error());
            if (result.sent()) {
                sent++;
            } else if (result.tokenIsDead()) {
                dead.add(targets.get(i));
                deadAt.add(i);
                failures.merge(result.error(), 1, Integer::sum);
            } else if (result.retryable()) {
                retryable.add(i);
                if (result.retryAfter() != null) {
                    retryAfter.put(i, result.retryAfter());
                }
            } else {
                failures.merge(result.error() == null ? "UNKNOWN" : result.error(), 1, Integer::sum);
            }
        }
        health.batchAnswered(results.size(), sent, retryable.size());
        int retired = devices.retireTokensOf(dead);
        metrics.counter("paraat.push.sent", "channel", channel.name()).increment(sent);
        failures.forEach((reason, count) -> metrics.counter("paraat.push.failed", "reason", reason).increment(count));
        metrics.counter("paraat.push.retried", "channel", channel.name()).increment(retryable.size());
        metrics.counter("paraat.push.tokens.retired").increment(retired);
        return new Attempt(sent, failures, retryable, errors, deadAt, retryAfter, retired, clock.instant());
    }

    /** Topic mode: one message per municipality and language; the push service reaches the subscribed devices. */
    Outcome sendToTopics(PushRequest content) {
        Map<String, PushMessage> perLanguage = new HashMap<>();
        languages.forEach(language -> perLanguage.put(language, texts.write(content, language)));
        List<PushMessage> messages = new ArrayList<>();
        for (String municipality : content.municipalities()) {
            for (String language : languages) {
                messages.add(perLanguage.get(language).forTopic(Topics.of(municipality, language, content.testOnly())));
            }
        }
        return deliver(messages);
    }

    /**
     * One message to every device that follows one of the municipalities (by token, chunk by chunk, or
     * by topic in topic mode). For silent updates: no delivery accounting per alert.
     *
     * @return how many were sent
     */
    int sendToFollowers(PushMessage message, Collection<String> municipalities) {
        if (settings.topicMode()) {
            List<PushMessage> messages = new ArrayList<>();
            municipalities.forEach(municipality -> languages.forEach(language ->
                    messages.add(message.forTopic(Topics.of(municipality, language, false)))));
            return deliver(messages).sent();
        }
        long[] range = devices.deviceIdRange();
        int sent = 0;
        for (long from = range[0]; range[1] != 0 && from <= range[1]; from += settings.chunkSize()) {
            List<PushTarget> targets = devices.targets(from, from + settings.chunkSize() - 1, municipalities, Set.of(), false);
            sent += deliver(targets.stream().map(target -> message.forToken(target.token())).toList()).sent();
        }
        return sent;
    }

    private Outcome deliver(List<PushMessage> messages) {
        List<PushMessage> pending = messages;
        int sent = 0;
        Map<String, Integer> failures = new TreeMap<>();
        List<String> dead = new ArrayList<>();
        Instant first = null;
        Instant last = null;
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            List<PushMessage> retry = new ArrayList<>();
            Duration wait = backoff(attempt);
            // Slices of one push-service batch, so that the first devices are reached while the rest wait their turn.
            for (int from = 0; from < pending.size(); from += FcmPushChannel.MAX_BATCH) {
                List<PushMessage> slice = pending.subList(from, Math.min(pending.size(), from + FcmPushChannel.MAX_BATCH));
                List<PushResult> results = sendOnTheWire(slice);
                results.stream().filter(PushResult::authenticationFailed).findFirst().ifPresent(refused -> {
                    health.authenticationFailed(refused.error());
                    throw new ChannelRefused(refused.error());
                });
                health.batchAnswered(results.size(), (int) results.stream().filter(PushResult::sent).count(),
                        (int) results.stream().filter(PushResult::retryable).count());
                Instant now = clock.instant();
                for (int i = 0; i < results.size(); i++) {
                    PushResult result = results.get(i);
                    if (result.sent()) {
                        sent++;
                        first = first == null ? now : first;
                        last = now;
                    } else if (result.tokenIsDead()) {
                        dead.add(result.token());
                        failures.merge(result.error(), 1, Integer::sum);
                    } else if (result.retryable() && attempt < settings.retries()) {
                        retry.add(slice.get(i));
                        if (result.retryAfter() != null && result.retryAfter().compareTo(wait) > 0) {
                            wait = result.retryAfter();
                        }
                    } else {
                        failures.merge(result.error() == null ? "UNKNOWN" : result.error(), 1, Integer::sum);
                    }
                }
            }
            pending = retry;
            if (!pending.isEmpty()) {
                sleep(wait);
            }
        }
        int retired = devices.retireTokens(dead);
        int failed = failures.values().stream().mapToInt(Integer::intValue).sum();
        metrics.counter("paraat.push.sent", "channel", channel.name()).increment(sent);
        failures.forEach((reason, count) -> metrics.counter("paraat.push.failed", "reason", reason).increment(count));
        metrics.counter("paraat.push.tokens.retired").increment(retired);
        return new Outcome(messages.size(), sent, failed, retired, failures, first, last);
    }

    private List<PushResult> sendOnTheWire(List<PushMessage> slice) {
        onTheWire.acquireUninterruptibly();
        try {
            // Inside the gate, so that the rate is counted when the messages leave, not while they wait.
            rate.acquire(slice.size());
            return channel.send(slice);
        } finally {
            onTheWire.release();
        }
    }

    /**
     * The wait before attempt {@code attempt + 1}: doubling from the configured backoff up to its ceiling,
     * drawn between half of that and all of it ("equal jitter"), so that messages that failed together
     * spread out again without waiting longer than the ceiling.
     */
    Duration backoff(int attempt) {
        long base = Math.min(settings.backoff().toMillis() << Math.min(attempt, 20), settings.maxBackoff().toMillis());
        return Duration.ofMillis(base - base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
