package io.eventgate.orders.outbox;

import io.eventgate.orders.order.OrderCreated;
import io.eventgate.orders.table.OutboxItem;
import io.eventgate.orders.table.Timestamps;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Where an order's {@code OrderCreated} event is: waiting in the outbox, or published — when, and as which bus event. */
@Component
public class OrderCreatedPublications {

    private final OutboxStore store;

    OrderCreatedPublications(OutboxStore store) {
        this.store = store;
    }

    /** The publication of the order's {@code OrderCreated}; empty when the order has no outbox record. */
    public Optional<Publication> of(String orderId) {
        return store.find(OrderCreated.eventIdFor(orderId)).map(OrderCreatedPublications::publication);
    }

    private static Publication publication(OutboxItem item) {
        return new Publication(item.getEventId(), item.getOutboxState() == null,
                item.getAttempts() == null ? 0 : item.getAttempts(), Timestamps.parse(item.getCreatedAt()),
                Optional.ofNullable(Timestamps.parse(item.getPublishedAt())), Optional.ofNullable(item.getBusEventId()),
                Optional.ofNullable(item.getTraceparent()));
    }

    /**
     * @param eventId     our id of the event (the order's correlation id)
     * @param published   whether EventBridge accepted it
     * @param attempts    failed publication rounds so far (each after {@code resend-attempts} tries)
     * @param busEventId  the envelope id EventBridge gave it (what the targets and their delivery logs see)
     * @param traceparent the trace context the publication continued
     */
    public record Publication(String eventId, boolean published, int attempts, Instant createdAt,
            Optional<Instant> publishedAt, Optional<String> busEventId, Optional<String> traceparent) {
    }
}
