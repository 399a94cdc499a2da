package io.eventgate.carrier.report;

import io.eventgate.web.retry.Pauses;
import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with "equal jitter": after attempt {@code n} the ceiling is
 * {@code min(max, initial * 2^(n-1))} (service-web's {@link Pauses}, as everywhere in the services) and the delay is drawn from {@code [ceiling/2, ceiling]}, so that many
 * carriers retrying after the same outage spread out without ever retrying immediately. A gateway's
 * {@code Retry-After} wins when it asks for longer (bounded by {@code maxRetryAfter}).
 */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final Duration maxRetryAfter;
    private final RandomGenerator random;

    Backoff(Duration initial, Duration max, Duration maxRetryAfter, RandomGenerator random) {
        this.initial = initial;
        this.max = max;
        this.maxRetryAfter = maxRetryAfter;
        this.random = random;
    }

    /** The delay before the attempt after {@code failedAttempts} failures. */
    Duration delay(int failedAttempts, Optional<Duration> retryAfter) {
        long ceiling = ceilingMillis(failedAttempts);
        long half = ceiling / 2;
        Duration jittered = Duration.ofMillis(half + random.nextLong(ceiling - half + 1));
        Duration asked = retryAfter.map(d -> d.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : d).orElse(Duration.ZERO);
        return asked.compareTo(jittered) > 0 ? asked : jittered;
    }

    long ceilingMillis(int failedAttempts) {
        return Pauses.after(failedAttempts, initial, max).toMillis();
    }
}
