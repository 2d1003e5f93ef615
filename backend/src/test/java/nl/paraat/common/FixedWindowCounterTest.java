package nl.paraat.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FixedWindowCounterTest {

    @Test
    void allowsTheLimitPerKeyThenRefusesUntilTheWindowEnds() {
        FixedWindowCounter counter = new FixedWindowCounter(2, 60_000);

        assertThat(counter.tryAcquire("a", 1_000)).isZero();
        assertThat(counter.tryAcquire("a", 2_000)).isZero();
        assertThat(counter.tryAcquire("a", 3_000)).isEqualTo(57);
        assertThat(counter.tryAcquire("b", 3_000)).isZero();
        assertThat(counter.tryAcquire("a", 61_000)).isZero();
    }
}
