package io.eventgate.orders.order;

import java.util.Objects;

/**
 * The order was created: the domain event behind the {@code OrderCreated} contract event. Its id is the order's
 * correlation id, so every (re)publication of the same order's creation carries the same one.
 */
public record OrderCreated(String eventId, Order order) {

    public OrderCreated {
        Objects.requireNonNull(order, "order");
        if (!eventIdFor(order.id()).equals(eventId)) {
            throw new IllegalArgumentException("event id " + eventId + " is not the one of order " + order.id());
        }
    }

    /** The deterministic id of an order's {@code OrderCreated} event. */
    public static String eventIdFor(String orderId) {
        return Order.correlationIdOf(orderId);
    }
}
