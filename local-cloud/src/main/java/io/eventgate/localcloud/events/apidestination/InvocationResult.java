package io.eventgate.localcloud.events.apidestination;

import java.time.Duration;
import java.util.Optional;

/** How one invocation of an API destination ended, classified the way EventBridge retries. */
public sealed interface InvocationResult {

    /** The HTTP status, or 0 when no answer came (timeout, connection error, rate-limit expiry). */
    int status();

    /** 1xx-3xx: delivered. */
    record Delivered(int status) implements InvocationResult {
    }

    /**
     * Not delivered.
     *
     * @param retryable    401, 407, 409, 429, 5xx, timeouts and connection errors are worth another attempt
     * @param errorCode    the DLQ's {@code ERROR_CODE}
     * @param errorMessage the DLQ's {@code ERROR_MESSAGE}; never contains a secret
     * @param retryAfter   the endpoint's {@code Retry-After}: the next attempt must not come sooner
     */
    record Failed(int status, boolean retryable, String errorCode, String errorMessage,
                  Optional<Duration> retryAfter) implements InvocationResult {
    }
}
