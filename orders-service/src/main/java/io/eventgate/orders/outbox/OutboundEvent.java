package io.eventgate.orders.outbox;

import io.eventgate.contracts.TraceParent;
import java.util.Optional;

/**
 * One event to publish: what EventBridge needs, plus our own deterministic id and the trace context the event
 * continues (also in its detail, {@code metadata.traceparent}).
 */
record OutboundEvent(String eventId, String source, String detailType, String detail, Optional<TraceParent> trace) {
}
