package io.eventgate.localcloud.events.delivery;

import java.time.Duration;
import java.util.Optional;

/**
 * How one delivery attempt ended. Error codes are the ones EventBridge writes into a DLQ's {@code ERROR_CODE};
 * {@code status} is the target's HTTP status where it answered one (API destinations), for the delivery log.
 */
public sealed interface DeliveryResult {

    /** The target's HTTP status, if it answered one. */
    Optional<Integer> status();

    /** The target has the event. */
    record Delivered(Optional<Integer> status) implements DeliveryResult {
        public Delivered() {
            this(Optional.empty());
        }
    }

    /**
     * A failure that may pass (connection, throttling, a 5xx): retried under the target's {@link RetryPolicy}.
     *
     * @param retryAfter the target's own hint (e.g. {@code Retry-After}); the longer of it and the backoff is waited
     */
    record Retryable(String errorCode, String errorMessage, Optional<Duration> retryAfter, Optional<Integer> status)
            implements DeliveryResult {
        public Retryable(String errorCode, String errorMessage, Optional<Duration> retryAfter) {
            this(errorCode, errorMessage, retryAfter, Optional.empty());
        }

        public Retryable(String errorCode, String errorMessage) {
            this(errorCode, errorMessage, Optional.empty());
        }
    }

    /** A failure retrying cannot fix (no permission, target missing, message refused): straight to the DLQ. */
    record Failed(String errorCode, String errorMessage, Optional<Integer> status) implements DeliveryResult {
        public Failed(String errorCode, String errorMessage) {
            this(errorCode, errorMessage, Optional.empty());
        }
    }

    static DeliveryResult delivered() {
        return new Delivered();
    }
}
