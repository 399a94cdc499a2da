package io.eventgate.localcloud.events.delivery;

import java.time.Duration;
import java.util.Optional;

/** How one delivery attempt ended. Error codes are the ones EventBridge writes into a DLQ's {@code ERROR_CODE}. */
public sealed interface DeliveryResult {

    /** The target has the event. */
    record Delivered() implements DeliveryResult {
    }

    /**
     * A failure that may pass (connection, throttling, a 5xx): retried under the target's {@link RetryPolicy}.
     *
     * @param retryAfter the target's own hint (e.g. {@code Retry-After}); the longer of it and the backoff is waited
     */
    record Retryable(String errorCode, String errorMessage, Optional<Duration> retryAfter) implements DeliveryResult {
        public Retryable(String errorCode, String errorMessage) {
            this(errorCode, errorMessage, Optional.empty());
        }
    }

    /** A failure retrying cannot fix (no permission, target missing, message refused): straight to the DLQ. */
    record Failed(String errorCode, String errorMessage) implements DeliveryResult {
    }

    static DeliveryResult delivered() {
        return new Delivered();
    }
}
