package io.eventgate.orders.inbox;

import io.eventgate.contracts.TraceParent;
import io.eventgate.orders.order.CarrierEvent;
import java.util.Optional;

/**
 * A carrier event as the inbox read it.
 *
 * @param eventId       the id of the EventBridge envelope it came in (what "at most once" is keyed by)
 * @param correlationId {@code metadata.correlationId}: the id of the order's flow
 * @param trace         {@code metadata.traceparent}, the order's trace, which applying the event continues
 */
record InboundEvent(String eventId, CarrierEvent event, String correlationId, Optional<TraceParent> trace) {
}
