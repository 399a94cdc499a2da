package io.eventgate.carrier.observability;

import io.eventgate.contracts.TraceParent;
import io.eventgate.web.tracing.CurrentTrace;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Continues the order's trace that a shipment request carries in its body ({@code traceparent}, from the API
 * destination's input transformer) when the HTTP {@code traceparent} header did not already put the request in it —
 * as on LocalStack, which sends the header's JSON path literally (the HTTP server then ignores it as invalid and
 * starts a trace of its own). The work then runs in a {@value #NAME} span of the order's trace.
 */
@Component
public class TraceContinuation {

    static final String NAME = "eventgate.carrier.shipment.receive";

    private final ObservationRegistry observations;
    private final CurrentTrace current;

    TraceContinuation(ObservationRegistry observations, CurrentTrace current) {
        this.observations = observations;
        this.current = current;
    }

    public <T> T within(Optional<TraceParent> carried, Supplier<T> work) {
        boolean inTraceAlready = carried.isEmpty() || current.traceparent().flatMap(TraceParent::parse)
                .map(TraceParent::traceId).equals(carried.map(TraceParent::traceId));
        if (inTraceAlready) {
            return work.get();
        }
        ReceiverContext<Optional<TraceParent>> context = new ReceiverContext<>(
                (c, key) -> TraceParent.FIELD.equals(key) ? c.map(TraceParent::toString).orElse(null) : null,
                Kind.CONSUMER);
        context.setCarrier(carried);
        return Observation.createNotStarted(NAME, () -> context, observations)
                .contextualName("shipment receive")
                .observe(work);
    }
}
