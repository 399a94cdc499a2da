package io.eventgate.web.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PausesTest {

    private static final Duration INITIAL = Duration.ofMillis(200);
    private static final Duration MAX = Duration.ofSeconds(30);

    @Test
    void doublesFromTheInitialPause() {
        assertThat(Pauses.after(1, INITIAL, MAX)).isEqualTo(Duration.ofMillis(200));
        assertThat(Pauses.after(2, INITIAL, MAX)).isEqualTo(Duration.ofMillis(400));
        assertThat(Pauses.after(4, INITIAL, MAX)).isEqualTo(Duration.ofMillis(1600));
    }

    @Test
    void neverExceedsTheLongestPauseHoweverManyFailures() {
        assertThat(Pauses.after(9, INITIAL, MAX)).isEqualTo(MAX);
        assertThat(Pauses.after(Integer.MAX_VALUE, INITIAL, MAX)).isEqualTo(MAX);
        assertThat(Pauses.after(1, Duration.ofMinutes(1), MAX)).isEqualTo(MAX);
    }

    @Test
    void theFirstPauseIsTheInitialOneEvenBeforeAnyFailure() {
        assertThat(Pauses.after(0, INITIAL, MAX)).isEqualTo(INITIAL);
    }
}
