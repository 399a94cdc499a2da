package io.eventgate.orders.outbox;

/** The bus could not be reached or refused the whole call; every entry of it is still unpublished. */
class PublishUnavailableException extends RuntimeException {

    PublishUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
