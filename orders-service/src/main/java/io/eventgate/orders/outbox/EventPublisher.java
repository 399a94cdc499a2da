package io.eventgate.orders.outbox;

import java.util.List;

/** Publishes events to the bus. The port the relay depends on; {@link EventBridgePublisher} is the adapter. */
interface EventPublisher {

    /** The largest batch one call accepts. */
    int MAX_BATCH = 10;

    /**
     * Publishes up to {@link #MAX_BATCH} events in one call. Entries may fail individually.
     *
     * @return one outcome per event, in the order given
     * @throws PublishUnavailableException when the call as a whole failed (bus unreachable, throttled, ...)
     */
    List<PublishOutcome> publish(List<OutboundEvent> events);
}
