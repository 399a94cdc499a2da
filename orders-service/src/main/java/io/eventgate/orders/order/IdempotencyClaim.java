package io.eventgate.orders.order;

/**
 * Remembers that the request with {@code Idempotency-Key: key} and content {@code fingerprint} created order
 * {@code orderId}.
 */
public record IdempotencyClaim(String key, String fingerprint, String orderId) {
}
