package io.eventgate.carrier.shipment;

/** An {@code Idempotency-Key} that already stands for a different order: the caller mixed up two requests. */
public class IdempotencyKeyReusedException extends RuntimeException {

    IdempotencyKeyReusedException(String orderId, String otherOrderId) {
        super("The Idempotency-Key was already used for order " + otherOrderId + ", not " + orderId);
    }
}
