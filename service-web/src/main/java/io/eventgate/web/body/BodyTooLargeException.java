package io.eventgate.web.body;

import java.io.IOException;

/**
 * The request body is larger than the limit. An {@link IOException} because it surfaces while the body is read;
 * the services' problem-details handlers find it in the cause chain and answer 413.
 */
public class BodyTooLargeException extends IOException {

    public BodyTooLargeException(long limit) {
        super("request body exceeds " + limit + " bytes");
    }
}
