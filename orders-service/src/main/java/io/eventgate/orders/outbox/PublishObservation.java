package io.eventgate.orders.outbox;

import io.eventgate.contracts.TraceParent;
import io.eventgate.orders.table.OutboxItem;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;

/**
 * The observation of one record's publication ({@value #NAME}): a span that continues the trace stored with the record
 * — whichever instance publishes it, however late — and a timer per {@code outcome} and {@code route}. Low-cardinality
 * tags only; the order and event ids go on the span.
 */
final class PublishObservation {

    static final String NAME = "eventgate.outbox.publish";
    static final String HAND_OFF = "handoff";
    static final String SWEEP = "sweep";
    static final String PUBLISHED = "published";
    /** EventBridge refused the entry (it stays pending and is tried again later). */
    static final String REFUSED = "refused";
    /** The PutEvents call failed as a whole: the bus was unreachable or throttled. */
    static final String UNAVAILABLE = "unavailable";
    /** Something else broke (DynamoDB, a stop): the record stays pending for a sweep. */
    static final String FAILED = "failed";

    private PublishObservation() {
    }

    static Observation start(ObservationRegistry registry, OutboxItem record, String route) {
        // The stored context is read like a message header: the span becomes a child of the request that placed the
        // order. PRODUCER: this span hands the event to the bus.
        ReceiverContext<OutboxItem> context = new ReceiverContext<>(
                (item, key) -> TraceParent.FIELD.equals(key) ? item.getTraceparent() : null, Kind.PRODUCER);
        context.setCarrier(record);
        context.setRemoteServiceName("eventbridge");
        Observation observation = Observation.createNotStarted(NAME, () -> context, registry)
                .contextualName(record.getDetailType() + " publish")
                .lowCardinalityKeyValue("route", route)
                .highCardinalityKeyValue("eventgate.correlation_id", record.getEventId());
        if (record.getOrderId() != null) {
            observation.highCardinalityKeyValue("eventgate.order_id", record.getOrderId());
        }
        return observation.start();
    }

    static void stop(Observation observation, String outcome) {
        observation.lowCardinalityKeyValue("outcome", outcome).stop();
    }
}
