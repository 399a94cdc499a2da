package io.eventgate.orders.inbox;

import io.awspring.cloud.sqs.annotation.SqsListener;
import io.eventgate.orders.order.OrderService;
import org.springframework.stereotype.Component;

/**
 * Applies carrier events from the inbox queue. Returning normally acknowledges (deletes) the message — also for a
 * duplicate or an illegal transition, which must not be retried forever. Any exception leaves it unacknowledged:
 * it comes back after the visibility timeout and, after {@code maxReceiveCount} deliveries, lands in the DLQ.
 */
@Component
class InboxListener {

    private final CarrierEventReader reader;
    private final OrderService orders;

    InboxListener(CarrierEventReader reader, OrderService orders) {
        this.reader = reader;
        this.orders = orders;
    }

    @SqsListener("${eventgate.orders.inbox.queue}")
    void receive(String body) {
        InboundEvent inbound = reader.read(body);
        orders.apply(inbound.eventId(), inbound.event());
    }
}
