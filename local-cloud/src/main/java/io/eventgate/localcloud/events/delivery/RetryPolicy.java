package io.eventgate.localcloud.events.delivery;

import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * A target's {@code RetryPolicy}: how often and how long a retryable failure is retried before the event goes to the
 * dead-letter queue (or is dropped without one).
 *
 * @param maximumRetryAttempts   0-185 (AWS default 185)
 * @param maximumEventAge        60 s - 24 h (AWS default 24 h), counted from ingestion
 */
public record RetryPolicy(int maximumRetryAttempts, Duration maximumEventAge) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(185, Duration.ofSeconds(86_400));

    public RetryPolicy {
        if (maximumRetryAttempts < 0 || maximumRetryAttempts > 185) {
            throw new IllegalArgumentException("RetryPolicy.MaximumRetryAttempts must be between 0 and 185.");
        }
        long seconds = maximumEventAge.toSeconds();
        if (seconds < 60 || seconds > 86_400) {
            throw new IllegalArgumentException("RetryPolicy.MaximumEventAgeInSeconds must be between 60 and 86400.");
        }
    }

    /**
     * Reads a {@code RetryPolicy} object; absent fields keep AWS's defaults.
     *
     * @throws IllegalArgumentException with AWS's reason when a value is out of range
     */
    public static RetryPolicy of(JsonNode spec) {
        if (spec == null || spec.isNull()) {
            return DEFAULT;
        }
        int attempts = spec.hasNonNull("MaximumRetryAttempts")
                ? spec.get("MaximumRetryAttempts").asInt() : DEFAULT.maximumRetryAttempts();
        long age = spec.hasNonNull("MaximumEventAgeInSeconds")
                ? spec.get("MaximumEventAgeInSeconds").asLong() : DEFAULT.maximumEventAge().toSeconds();
        return new RetryPolicy(attempts, Duration.ofSeconds(age));
    }
}
