package nl.paraat.common;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts events per key in fixed time windows. The whole map is dropped when a window ends, so
 * memory is bounded by the number of distinct keys seen within one window.
 */
final class FixedWindowCounter {

    private final int limit;
    private final long windowMillis;
    private volatile long windowStart;
    private volatile ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    FixedWindowCounter(int limit, long windowMillis) {
        this.limit = limit;
        this.windowMillis = windowMillis;
    }

    /** @return 0 when the event is allowed, otherwise the seconds until the window ends */
    long tryAcquire(String key, long nowMillis) {
        if (nowMillis - windowStart >= windowMillis) {
            synchronized (this) {
                if (nowMillis - windowStart >= windowMillis) {
                    counts = new ConcurrentHashMap<>();
                    windowStart = nowMillis;
                }
            }
        }
        int used = counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        if (used <= limit) {
            return 0;
        }
        return Math.max(1, (windowStart + windowMillis - nowMillis + 999) / 1000);
    }
}
