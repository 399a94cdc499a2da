package io.eventgate.orders.order.web;

import java.io.IOException;

/**
 * The request body is larger than the limit. An {@link IOException} because it surfaces while the body is read;
 * {@link ProblemResponses} finds it in the cause chain and answers 413.
 */
class PayloadTooLargeException extends IOException {

    PayloadTooLargeException(long limit) {
        super("request body exceeds " + limit + " bytes");
    }
}
