package io.eventgate.localcloud.events.delivery;

import java.time.Duration;

/**
 * Tuning of the delivery machinery.
 *
 * @param maxInFlight    deliveries accepted but not yet finished (including those waiting for a retry) before
 *                       {@code PutEvents} waits for room — events are never dropped for lack of it
 * @param initialBackoff the first retry waits up to this long (full jitter), doubling per attempt
 * @param maxBackoff     no retry waits longer than this
 */
public record DeliverySettings(int maxInFlight, Duration initialBackoff, Duration maxBackoff) {

    public static final DeliverySettings DEFAULTS =
            new DeliverySettings(100_000, Duration.ofSeconds(1), Duration.ofMinutes(5));

    public DeliverySettings {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be positive");
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("need 0 < initialBackoff <= maxBackoff");
        }
    }
}
