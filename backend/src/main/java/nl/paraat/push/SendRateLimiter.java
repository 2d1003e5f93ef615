package nl.paraat.push;

import jakarta.inject.Singleton;

/** Keeps this instance's sends under the configured rate, by waiting before a batch when needed. */
@Singleton
class SendRateLimiter {

    private final double nanosPerSend;
    private long nextFree = System.nanoTime();

    SendRateLimiter(PushSettings settings) {
        this.nanosPerSend = 1_000_000_000.0 / Math.max(1, settings.sendsPerSecond());
    }

    void acquire(int sends) {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long start = Math.max(now, nextFree);
            nextFree = start + (long) (sends * nanosPerSend);
            wait = start - now;
        }
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
