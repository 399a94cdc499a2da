package io.eventgate.orders.order;

/** An {@code Idempotency-Key} was sent again with a different request body. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super("this Idempotency-Key was already used with a different request body");
    }
}
