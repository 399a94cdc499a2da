package io.eventgate.orders.order;

/** Thrown by {@link Orders#add} when a concurrent request stored a claim for the same key first. */
public class IdempotencyKeyTakenException extends RuntimeException {

    public IdempotencyKeyTakenException(String key) {
        super("Idempotency-Key claimed concurrently: " + key.length() + " chars");
    }
}
