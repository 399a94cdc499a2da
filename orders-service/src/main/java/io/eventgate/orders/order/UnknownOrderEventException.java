package io.eventgate.orders.order;

/**
 * A carrier event names an order this service never created. The message is not acknowledged so that it ends up
 * in the inbox DLQ for a human to look at, rather than being dropped.
 */
public class UnknownOrderEventException extends RuntimeException {

    public UnknownOrderEventException(String eventId, String orderId) {
        super("event " + eventId + " is about order " + orderId + ", which does not exist");
    }
}
