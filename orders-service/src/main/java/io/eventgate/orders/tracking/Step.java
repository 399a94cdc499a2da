package io.eventgate.orders.tracking;

import java.util.Optional;

/**
 * The steps of an order's life as the tracking shows them, in the order they normally happen. Each happens at most
 * once; {@code DELIVERED} and {@code CANCELLED} exclude each other.
 */
public enum Step {
    /** The order was stored. */
    PLACED,
    /**
     * The event bus accepted the order's {@code OrderCreated}, routed to the carrier. What the orders side can see of
     * the hand-over: the carrier does not report receiving it.
     */
    SENT,
    /** The carrier reported the parcel shipped, with its tracking number. */
    SHIPPED,
    /** The carrier reported the parcel delivered. */
    DELIVERED,
    /** The carrier reported it cannot ship the order, with a reason. */
    CANCELLED;

    /** The name on the wire: the SSE event name and the token in an event id. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Optional<Step> ofWireName(String name) {
        for (Step step : values()) {
            if (step.wireName().equals(name)) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }
}
