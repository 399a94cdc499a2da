package io.eventgate.carrier.report;

import io.eventgate.contracts.TraceParent;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;

/**
 * The observation of one POST of a report to the gateway ({@value #NAME}): a span in the order's trace (continued from
 * the context the report was recorded with, however much later it is sent) and a timer per {@code event} and
 * {@code outcome} — its count is the number of attempts. Low-cardinality tags only; the order id goes on the span.
 */
final class ReportObservation {

    static final String NAME = "eventgate.carrier.report.send";
    static final String ACCEPTED = "accepted";
    static final String RETRY = "retry";
    static final String REFUSED = "refused";

    private ReportObservation() {
    }

    static Observation start(ObservationRegistry registry, PendingReport report, int attempt) {
        ReceiverContext<PendingReport> context = new ReceiverContext<>(
                (r, key) -> TraceParent.FIELD.equals(key) ? r.traceparent() : null, Kind.PRODUCER);
        context.setCarrier(report);
        context.setRemoteServiceName("event-gateway");
        return Observation.createNotStarted(NAME, () -> context, registry)
                .contextualName(report.id().eventName() + " report")
                .lowCardinalityKeyValue("event", report.id().eventName())
                .highCardinalityKeyValue("eventgate.order_id", report.id().orderId())
                .highCardinalityKeyValue("eventgate.attempt", Integer.toString(attempt))
                .start();
    }

    static void stop(Observation observation, String outcome) {
        observation.lowCardinalityKeyValue("outcome", outcome).stop();
    }
}
