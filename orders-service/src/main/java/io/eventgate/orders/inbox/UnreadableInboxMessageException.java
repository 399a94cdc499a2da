package io.eventgate.orders.inbox;

/** A message that is not a carrier event we can apply. Thrown so that the message is not acknowledged. */
class UnreadableInboxMessageException extends RuntimeException {

    UnreadableInboxMessageException(String message) {
        super(message);
    }

    UnreadableInboxMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
