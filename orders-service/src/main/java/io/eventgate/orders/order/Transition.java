package io.eventgate.orders.order;

/** The outcome of applying a {@link CarrierEvent} to an {@link Order}. */
public sealed interface Transition {

    /** The event changed the order; {@code order} is the new state, to be stored. */
    record Applied(Order order) implements Transition {
    }

    /** The event is illegal or stale for the order's state and changes nothing; {@code why} is for the log. */
    record Ignored(String why) implements Transition {
    }
}
