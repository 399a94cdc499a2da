package io.eventgate.carrier.observability;

import io.eventgate.contracts.TraceParent;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The W3C trace context of the span in scope, as it would be sent on the wire — what a shipment keeps so that its
 * reports, sent later by another thread, go back to the order's trace. Empty when tracing is off.
 */
@Component
public class CurrentTrace {

    private final Tracer tracer;
    private final Propagator propagator;

    CurrentTrace(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
        this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
    }

    public Optional<TraceParent> traceparent() {
        TraceContext context = tracer.currentTraceContext().context();
        if (context == null) {
            return Optional.empty();
        }
        Map<String, String> headers = new HashMap<>();
        propagator.inject(context, headers, Map::put);
        return TraceParent.parse(headers.get(TraceParent.FIELD));
    }
}
