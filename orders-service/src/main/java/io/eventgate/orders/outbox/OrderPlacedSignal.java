package io.eventgate.orders.outbox;

import io.eventgate.orders.order.OrderPlaced;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Wakes the relay as soon as an order and its outbox record are committed: the happy path never waits for a poll. */
@Component
class OrderPlacedSignal {

    private final OutboxRelay relay;

    OrderPlacedSignal(OutboxRelay relay) {
        this.relay = relay;
    }

    @EventListener
    void on(OrderPlaced placed) {
        relay.signal(OrderCreatedOutbox.eventIdFor(placed.orderId()));
    }
}
