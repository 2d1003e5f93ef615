package nl.paraat.push;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SendRateLimiterTest {

    @Test
    void sendsNeverExceedTheConfiguredRate() {
        SendRateLimiter limiter = new SendRateLimiter(new PushSettings(5000, Duration.ofSeconds(60), 2_000, 3,
                Duration.ofMillis(200), Duration.ofSeconds(2), "token", 2, 1, true));
        long started = System.nanoTime();

        for (int batch = 0; batch < 5; batch++) {
            limiter.acquire(200);
        }

        // 1,000 sends at 2,000 a second: the first batch goes at once, the other 800 take at least 0.4 s
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(390));
    }
}
