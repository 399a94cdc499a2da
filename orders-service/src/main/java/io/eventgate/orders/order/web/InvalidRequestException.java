package io.eventgate.orders.order.web;

import java.util.List;

/** The request breaks the API's rules; answered with 400 naming every bad field. */
class InvalidRequestException extends RuntimeException {

    private final List<FieldError> errors;

    InvalidRequestException(List<FieldError> errors) {
        super(errors.size() + " invalid field(s)");
        this.errors = List.copyOf(errors);
    }

    InvalidRequestException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    List<FieldError> errors() {
        return errors;
    }
}
