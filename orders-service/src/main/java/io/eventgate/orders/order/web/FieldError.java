package io.eventgate.orders.order.web;

/** One thing wrong with a request: where ({@code items[0].quantity}, {@code Idempotency-Key}) and what. */
record FieldError(String field, String message) {
}
