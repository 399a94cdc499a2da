package io.eventgate.orders.order;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the orders side knows about an order's progress: the order as stored, and when (if yet) the event bus
 * accepted its {@code OrderCreated} for the carrier.
 */
public record Tracked(Order order, Optional<Instant> sentToCarrierAt) {

    public Tracked {
        Objects.requireNonNull(order, "order");
        sentToCarrierAt = sentToCarrierAt == null ? Optional.empty() : sentToCarrierAt;
    }
}
