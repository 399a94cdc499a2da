package io.eventgate.orders.order;

/**
 * Published in-process right after an order and its outbox record were committed, for in-process listeners. (The
 * outbox relay does not need it: the storage adapter hands it the committed record directly.)
 */
public record OrderPlaced(String orderId) {
}
