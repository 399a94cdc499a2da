package io.eventgate.orders.order;

/**
 * Published in-process right after an order and its outbox record were committed, so that the outbox relay can
 * publish at once instead of waiting for its sweep.
 */
public record OrderPlaced(String orderId) {
}
