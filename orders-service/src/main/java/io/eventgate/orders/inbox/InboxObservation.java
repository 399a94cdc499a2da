package io.eventgate.orders.inbox;

import io.eventgate.contracts.TraceParent;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import java.util.Optional;

/**
 * The observation of one inbox message ({@value #NAME}): a span continuing the order's trace from the event's
 * {@code metadata.traceparent}, and a timer per {@code event} and {@code outcome} — {@value #APPLIED} (the order
 * changed), {@value #IGNORED} (a duplicate, or a step the order does not take), {@value #FAILED} (left
 * unacknowledged: SQS delivers it again and, after {@code maxReceiveCount}, moves it to the DLQ).
 */
final class InboxObservation {

    static final String NAME = "eventgate.inbox.apply";
    static final String APPLIED = "applied";
    static final String IGNORED = "ignored";
    static final String FAILED = "failed";
    /** The event tag of a message that could not be read far enough to name its event. */
    static final String UNREADABLE = "unreadable";

    private InboxObservation() {
    }

    static Observation start(ObservationRegistry registry, String eventName, Optional<TraceParent> trace) {
        ReceiverContext<Optional<TraceParent>> context = new ReceiverContext<>(
                (carrier, key) -> TraceParent.FIELD.equals(key) ? carrier.map(TraceParent::toString).orElse(null) : null,
                Kind.CONSUMER);
        context.setCarrier(trace);
        context.setRemoteServiceName("orders-inbox");
        return Observation.createNotStarted(NAME, () -> context, registry)
                .contextualName(eventName + " apply")
                .lowCardinalityKeyValue("event", eventName)
                .start();
    }
}
