package io.eventgate.orders.tracking;

import java.time.Duration;

/** This instance holds as many update streams as it may; answered 503 with {@code Retry-After}. */
public class TooManyStreamsException extends RuntimeException {

    private final transient Duration retryAfter;

    TooManyStreamsException(int max, Duration retryAfter) {
        super("This instance has " + max + " live update streams open, as many as it may; try again later.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
