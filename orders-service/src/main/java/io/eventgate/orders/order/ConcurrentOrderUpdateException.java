package io.eventgate.orders.order;

/** The order changed between read and write (optimistic lock); the caller retries with a fresh read. */
public class ConcurrentOrderUpdateException extends RuntimeException {

    public ConcurrentOrderUpdateException(String orderId) {
        super("order " + orderId + " was changed concurrently");
    }
}
