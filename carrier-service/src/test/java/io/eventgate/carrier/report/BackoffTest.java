package io.eventgate.carrier.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofMinutes(1),
            new SplittableRandom(42));

    @Test
    void ceilingDoublesPerAttemptUpToTheMaximum() {
        assertThat(backoff.ceilingMillis(1)).isEqualTo(100);
        assertThat(backoff.ceilingMillis(2)).isEqualTo(200);
        assertThat(backoff.ceilingMillis(4)).isEqualTo(800);
        assertThat(backoff.ceilingMillis(7)).isEqualTo(5000);
        assertThat(backoff.ceilingMillis(10_000)).isEqualTo(5000);
    }

    @Test
    void delayIsJitteredWithinTheUpperHalfOfTheCeiling() {
        for (int i = 0; i < 200; i++) {
            assertThat(backoff.delay(3, Optional.empty())).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
        }
        assertThat(java.util.stream.IntStream.range(0, 50).mapToObj(i -> backoff.delay(3, Optional.empty())).distinct().count())
                .isGreaterThan(1);
    }

    @Test
    void aLongerRetryAfterWinsButIsBounded() {
        assertThat(backoff.delay(1, Optional.of(Duration.ofSeconds(3)))).isEqualTo(Duration.ofSeconds(3));
        assertThat(backoff.delay(1, Optional.of(Duration.ofHours(2)))).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.delay(7, Optional.of(Duration.ZERO))).isBetween(Duration.ofMillis(2500), Duration.ofSeconds(5));
    }
}
