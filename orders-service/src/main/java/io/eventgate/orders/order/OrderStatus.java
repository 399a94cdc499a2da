package io.eventgate.orders.order;

/** Where an order is in its life: {@code PENDING → SHIPPED → DELIVERED}, or {@code PENDING → CANCELLED}. */
public enum OrderStatus {
    PENDING, SHIPPED, DELIVERED, CANCELLED
}
