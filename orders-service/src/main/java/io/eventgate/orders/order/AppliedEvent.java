package io.eventgate.orders.order;

import java.time.Instant;

/** A carrier event the inbox applied to an order (or found a duplicate of): what the order's journey shows. */
public record AppliedEvent(String eventId, String orderId, String eventName, Instant appliedAt) {
}
