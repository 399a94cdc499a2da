package io.eventgate.orders.tracking;

/** This instance cannot follow the order changes right now, so it opens no stream; answered 503. */
public class UpdatesUnavailableException extends RuntimeException {

    UpdatesUnavailableException() {
        super("Live updates are not available on this instance right now; try again later.");
    }
}
