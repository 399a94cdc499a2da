package io.eventgate.orders.outbox;

/** One event to publish: what EventBridge needs, plus our own deterministic id. */
record OutboundEvent(String eventId, String source, String detailType, String detail) {
}
