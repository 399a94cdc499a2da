package io.eventgate.carrier.shipment;

/** An event id (idempotency key) that already stands for a different order: the caller mixed up two requests. */
public class IdempotencyKeyReusedException extends RuntimeException {

    IdempotencyKeyReusedException(String orderId, String otherOrderId) {
        super("The event id (Idempotency-Key) was already used for order " + otherOrderId + ", not " + orderId);
    }
}
