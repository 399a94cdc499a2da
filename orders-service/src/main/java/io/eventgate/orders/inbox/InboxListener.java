package io.eventgate.orders.inbox;

import io.awspring.cloud.sqs.annotation.SqsListener;
import io.eventgate.web.tracing.OrderLog;
import io.eventgate.orders.order.OrderService;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Applies carrier events from the inbox queue. Returning normally acknowledges (deletes) the message — also for a
 * duplicate or an illegal transition, which must not be retried forever. Any exception leaves it unacknowledged:
 * it comes back after the visibility timeout and, after {@code maxReceiveCount} deliveries, lands in the DLQ.
 *
 * <p>Each message is observed ({@link InboxObservation}) in the order's trace, and logged with the order's id and
 * correlation id.
 */
@Component
class InboxListener {

    private final CarrierEventReader reader;
    private final OrderService orders;
    private final ObservationRegistry observations;

    InboxListener(CarrierEventReader reader, OrderService orders, ObservationRegistry observations) {
        this.reader = reader;
        this.orders = orders;
        this.observations = observations;
    }

    @SqsListener("${eventgate.orders.inbox.queue}")
    void receive(String body) {
        InboundEvent inbound;
        try {
            inbound = reader.read(body);
        } catch (UnreadableInboxMessageException e) {
            Observation unreadable = InboxObservation.start(observations, InboxObservation.UNREADABLE, Optional.empty());
            unreadable.lowCardinalityKeyValue("outcome", InboxObservation.FAILED).error(e).stop();
            throw e;
        }
        Observation observation = InboxObservation.start(observations, inbound.event().eventName(), inbound.trace())
                .highCardinalityKeyValue("eventgate.order_id", inbound.event().orderId())
                .highCardinalityKeyValue("eventgate.correlation_id", inbound.correlationId())
                .highCardinalityKeyValue("messaging.message.id", inbound.eventId());
        try (var scope = observation.openScope();
                var logged = OrderLog.about(inbound.event().orderId(), inbound.correlationId())) {
            boolean changed = orders.apply(inbound.eventId(), inbound.event());
            observation.lowCardinalityKeyValue("outcome", changed ? InboxObservation.APPLIED : InboxObservation.IGNORED);
        } catch (RuntimeException e) {
            observation.lowCardinalityKeyValue("outcome", InboxObservation.FAILED).error(e);
            throw e;
        } finally {
            observation.stop();
        }
    }
}
