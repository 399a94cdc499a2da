package io.eventgate.orders.inbox;

import io.eventgate.orders.order.CarrierEvent;

/** A carrier event and the id of the EventBridge envelope it came in (what "at most once" is keyed by). */
record InboundEvent(String eventId, CarrierEvent event) {
}
