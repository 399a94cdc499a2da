package io.eventgate.orders.order;

/** The result of placing an order: the order, and whether this request created it or replayed an earlier one. */
public record Placement(Order order, boolean created) {
}
