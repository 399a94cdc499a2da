package io.eventgate.localcloud.events.connection;

/** A call could not be authorized: the connection is gone or its OAuth endpoint gave no token. */
public final class AuthorizationFailedException extends RuntimeException {

    AuthorizationFailedException(String message) {
        super(message);
    }

    AuthorizationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
